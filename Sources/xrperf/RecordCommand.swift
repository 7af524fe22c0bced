import ArgumentParser
import Foundation
import XrPerfCore
import XrPerfRecordingFile

/// `xrperf record`: copy a live session's frames into a recording.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a running session's frames to a file, without restarting the app.",
        discussion: """
            Follows the session's shared-memory ring from now on and writes every \
            new frame as a JSON Lines recording (the same format XRPERF_RECORD \
            writes; docs/telemetry.md): a header line, one line per frame, and an \
            end line with the number of frames written and lost. A frame whose app \
            GPU time is still pending is read again once the layer has filled it in \
            (at most 8 frames later). The ring holds the last 1024 frames; if this \
            command falls that far behind, the lost frames are counted, a warning is \
            printed and the end line says how many.

            Stops after --frames frames, after --seconds seconds of frames, on \
            Ctrl-C (the recording is finished properly), or when the session ends. \
            Progress goes to standard error.

            Exit status: 0 recorded as asked (or interrupted with Ctrl-C), 1 the \
            session ended first (the recording is still complete and valid), 2 no \
            such session or the output cannot be written, 64 usage error.

            Examples:
              xrperf record --session 4242-0 --out run.jsonl --seconds 10
              xrperf record --out run.jsonl --frames 900 && xrperf report run.jsonl
            """
    )

    @Option(name: .long, help: ArgumentHelp("The session: <pid>-<serial>, a pid, or a file path (default: the most recent).", valueName: "id"))
    var session: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The recording to write (- for standard output).", valueName: "file"))
    var out: String

    @Option(name: .long, help: "Stop after this many frames.")
    var frames: UInt64?

    @Option(name: .long, help: "Stop after this many seconds of frames.")
    var seconds: Double?

    @Flag(name: .long, help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        if frames != nil && seconds != nil { throw ValidationError("give --frames or --seconds, not both") }
        if let frames, frames == 0 { throw ValidationError("--frames must be at least 1") }
        if let seconds, !(seconds > 0 && seconds.isFinite) { throw ValidationError("--seconds must be > 0") }
    }

    func run() throws {
        var endedEarly = false
        try TelemetryOutput.guarding("record") {
            let scan = TelemetryScan()
            if let note = scan.location.note { TelemetryOutput.warn("record", note) }
            let target = try scan.session(named: session)
            let output: FileHandle
            if out == "-" {
                output = FileHandle.standardOutput
            } else {
                guard FileManager.default.createFile(atPath: out, contents: nil),
                      let handle = FileHandle(forWritingAtPath: out) else {
                    throw TelemetryInputError("cannot write \(out): \(String(cString: strerror(errno)))")
                }
                output = handle
            }
            TerminalSignals.catchStopSignals()
            let recorder = TelemetryRecorder(session: target, output: output, frameLimit: frames,
                                             secondsLimit: seconds, progress: !quiet)
            let result = recorder.run()
            try? output.synchronize()
            if out != "-" { try? output.close() }
            let lost = result.dropped > 0 ? ", \(result.dropped) lost" : ""
            TelemetryOutput.warn("record", "wrote \(result.frames) frames\(lost) to \(out)"
                + (result.endReason.map { " (\($0))" } ?? ""))
            endedEarly = result.sessionEnded
        }
        if endedEarly { throw ExitCode.failure }
    }
}

/// The follow loop of `xrperf record`.
struct TelemetryRecorder {
    var session: TelemetrySession
    var output: FileHandle
    var frameLimit: UInt64?
    var secondsLimit: Double?
    var progress: Bool

    struct Result {
        var frames: UInt64
        var dropped: UInt64
        var sessionEnded: Bool
        var endReason: String?
    }

    static let pollSeconds = 0.01

    func run() -> Result {
        let file = session.file
        var cursor = RingCursor(capacity: file.capacity, start: file.published)
        var written: UInt64 = 0
        var firstFrameNs: Int64?
        var buffer = RecordingFormat.headerLine(file.info) + "\n"
        let started = TerminalSignals.monotonicNs()
        var lastProgress = started
        var sessionEnded = false
        var endReason: String?
        let interactive = isatty(STDERR_FILENO) == 1

        func done(_ frame: FrameRecord?) -> Bool {
            if let frameLimit, written >= frameLimit { return true }
            if let secondsLimit {
                // As doubles: timestamps come from another process's shared memory
                // and an Int64 difference of garbage would trap.
                if let firstFrameNs, let frame, (Double(frame.waitReturnNs) - Double(firstFrameNs)) / 1e9 >= secondsLimit {
                    return true
                }
                // A stalled app must not keep us forever.
                if Double(TerminalSignals.monotonicNs() - started) / 1e9 >= secondsLimit + 2 { return true }
            }
            return false
        }

        loop: while true {
            let published = file.published
            let lost = cursor.skipLapped(published: published)
            if lost > 0 { TelemetryOutput.warn("record", "warning: the ring lapped the recorder: \(lost) frames lost") }
            while cursor.next < published {
                guard let frame = file.copy(frame: cursor.next) else { break }
                let step = cursor.decide(publishedAfterRead: file.published, gpuPending: frame.flags.contains(.gpuPending))
                if step == .wait { break }
                if step == .lost {
                    cursor.advance(lost: true)
                    continue
                }
                if firstFrameNs == nil { firstFrameNs = frame.waitReturnNs }
                if secondsLimit != nil && done(frame) { break loop }
                buffer += RecordingFormat.frameLine(frame) + "\n"
                written += 1
                cursor.advance()
                if done(frame) { break loop }
            }
            if !buffer.isEmpty {
                output.write(Data(buffer.utf8))
                buffer = ""
            }
            if TerminalSignals.stopRequested {
                endReason = "interrupted"
                break
            }
            if done(nil) { break }
            if let reason = TopCommand.endReason(session) {
                // Take what was published before the end.
                if cursor.next >= file.published {
                    sessionEnded = true
                    endReason = "session \(reason)"
                    break
                }
                if file.ended || !TelemetryScan.processExists(session.pid) {
                    // Drain without waiting for GPU times that will never come.
                    while cursor.next < file.published, let frame = file.copy(frame: cursor.next) {
                        if cursor.decide(publishedAfterRead: file.published, gpuPending: false) == .lost {
                            cursor.advance(lost: true)
                            continue
                        }
                        buffer += RecordingFormat.frameLine(frame) + "\n"
                        written += 1
                        cursor.advance()
                        if done(frame) { break }
                    }
                    sessionEnded = !done(nil)
                    endReason = sessionEnded ? "session \(reason)" : nil
                    break
                }
            }
            let now = TerminalSignals.monotonicNs()
            if progress && now - lastProgress >= (interactive ? 250_000_000 : 2_000_000_000) {
                lastProgress = now
                let elapsed = NumberText.fixed(Double(now - started) / 1e9, places: 1)
                let lostText = cursor.dropped > 0 ? ", \(cursor.dropped) lost" : ""
                let target = frameLimit.map { " of \($0)" } ?? secondsLimit.map { " (\(NumberText.fixed($0, places: 1)) s asked)" } ?? ""
                let line = "recording \(session.id): \(written) frames\(target), \(elapsed) s\(lostText)"
                FileHandle.standardError.write(Data((interactive ? "\r" + line + "\u{1B}[K" : line + "\n").utf8))
            }
            TerminalSignals.sleep(seconds: Self.pollSeconds)
        }
        buffer += RecordingFormat.endLine(frames: written, dropped: cursor.dropped) + "\n"
        output.write(Data(buffer.utf8))
        if progress && interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if cursor.dropped > 0 {
            TelemetryOutput.warn("record", "warning: \(cursor.dropped) frames lost because the ring lapped the recorder; the end line records them as dropped")
        }
        return Result(frames: written, dropped: cursor.dropped, sessionEnded: sessionEnded, endReason: endReason)
    }
}
