import ArgumentParser
import Foundation
import XrPerfCore

/// `xrperf top`: a live view of one session.
struct TopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "top",
        abstract: "Watch one session's frame timing live.",
        discussion: """
            Refreshes several times a second: fps, frame interval, app CPU (and its \
            sim and render thread parts), app GPU \
            and layer CPU percentiles over the last second, late frames, bottleneck, \
            headroom, the knobs in force, and sparklines of the last frames (one \
            column per frame, newest on the right, full height = twice the frame \
            budget). Quit with q or Ctrl-C; the terminal is restored.

            Without --session, the most recently started session is shown. The \
            session ID is <pid>-<serial> as `xrperf status` lists it (a bare pid works \
            when that process has one session).

            When standard output is not a terminal (a pipe, a file), top prints one \
            plain key=value line per refresh instead (default every second). It ends \
            by itself when the session ends.

            Exit status: 0 quit or the session ended, 2 no such session or the \
            telemetry directory cannot be used, 64 usage error.

            Examples:
              xrperf top
              xrperf top --session 4242-0 --interval 0.1
              xrperf top --count 10 > top.log
            """
    )

    @Option(name: .long, help: ArgumentHelp("The session to watch: <pid>-<serial>, a pid, or a file path.", valueName: "id"))
    var session: String?

    @Option(name: .long, help: ArgumentHelp("Seconds between refreshes (default 0.25 on a terminal, 1 otherwise).", valueName: "seconds"))
    var interval: Double?

    @Option(name: .long, help: "Stop after this many refreshes (0: until quit or the session ends).")
    var count = 0

    @Flag(name: .long, help: "Print plain lines even on a terminal.")
    var plain = false

    func validate() throws {
        if let interval, !(0.05...60).contains(interval) { throw ValidationError("--interval must be 0.05 to 60 seconds") }
        guard count >= 0 else { throw ValidationError("--count must be >= 0") }
    }

    func run() throws {
        var target: TelemetrySession?
        try TelemetryOutput.guarding("top") {
            let scan = TelemetryScan()
            if let note = scan.location.note { TelemetryOutput.warn("top", note) }
            target = try scan.session(named: session)
        }
        guard let target else { return }
        TerminalSignals.catchStopSignals()
        let raw = plain ? nil : TerminalRawMode()
        let refresh = interval ?? (raw == nil ? 1.0 : 0.25)
        let started = TerminalSignals.monotonicNs()
        var refreshes = 0
        var endMessage: String?
        defer {
            raw?.restore()
            if let endMessage { TelemetryOutput.warn("top", endMessage) }
        }
        while !TerminalSignals.stopRequested {
            if let reason = TopCommand.endReason(target) {
                endMessage = "session \(target.id) \(reason)"
                break
            }
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let summary = TelemetrySessionSummary(target, realtimeNowNs: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
            let elapsed = Double(TerminalSignals.monotonicNs() - started) / 1e9
            if raw != nil {
                let size = TerminalRawMode.size()
                let recent = target.file.recentFrames(maxFrames: max(10, size.columns - 17), seconds: 1e9)
                let lines = TopScreen.render(summary, recent: recent, columns: size.columns, refreshSeconds: refresh)
                TerminalRawMode.write("\u{1B}[H" + lines.prefix(max(1, size.rows - 1)).map { $0 + "\u{1B}[K" }
                    .joined(separator: "\r\n") + "\u{1B}[J")
            } else {
                TerminalRawMode.write(TopScreen.plainLine(summary, elapsedSeconds: elapsed) + "\n")
            }
            refreshes += 1
            if count > 0 && refreshes >= count { break }
            if let raw {
                if raw.waitForQuit(seconds: refresh) { break }
            } else {
                TerminalSignals.sleep(seconds: refresh)
            }
        }
    }

    /// Why the session is over, or nil while it runs: ended state, process
    /// gone, or its file removed (the layer removes it at session end).
    static func endReason(_ session: TelemetrySession) -> String? {
        if session.file.ended { return "ended" }
        if !TelemetryScan.processExists(session.pid) { return "ended: process \(session.pid) is gone" }
        var info = stat()
        if stat(session.file.path, &info) != 0 || UInt64(info.st_ino) != session.file.inode {
            return "ended: its file was removed"
        }
        return nil
    }
}
