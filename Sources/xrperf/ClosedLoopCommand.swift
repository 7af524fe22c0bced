import ArgumentParser
import Foundation
import XrPerfCore
import XrPerfRecordingFile

/// `xrperf closed-loop FILE --up N --down N`: protocol 4 read off a recording.
struct ClosedLoopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closed-loop",
        abstract: "How the controller coped with load steps in a recording (benchmark protocol 4).",
        discussion: """
            Reads a recording of an app whose GPU load stepped over the frame \
            budget and back (xrperf-loadgen --schedule, see `make bench-closed-loop`) \
            and prints, for each --up frame (the first frame of the heavy load): \
            the first late frame at or after it and how many frames later a frame's \
            app GPU time fitted its budget (display period x frame divisor) again; \
            for each --down frame (the first frame of the light load): the seconds \
            until the render scale was back at the run's highest and the number of \
            changes of direction of the render scale meanwhile (oscillation); and \
            over the whole run: late frames and miss rate, mean render scale, the \
            median recovery, and the frame interval p99/p50 at half rate once \
            settled (60 frames after the divisor first took effect), when any frame \
            ran at half rate.

            Exit status: 0 printed, 2 the file is missing or not a recording, 64 \
            usage error.

            Examples:
              xrperf closed-loop controlled.jsonl --up 180 --down 360
              xrperf closed-loop run.jsonl --up 180 --up 540 --down 360 --down 720 --json
            """
    )

    @Argument(help: ArgumentHelp("The recording (JSON Lines); - reads standard input.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("First frame of a heavier load; repeat for more steps.", valueName: "frame"))
    var up: [UInt64] = []

    @Option(name: .long, help: ArgumentHelp("First frame of a lighter load; repeat for more steps.", valueName: "frame"))
    var down: [UInt64] = []

    @Flag(name: .long, help: "Print one JSON object on standard output instead of text.")
    var json = false

    func validate() throws {
        if up.isEmpty && down.isEmpty { throw ValidationError("give at least one --up or --down frame") }
    }

    func run() throws {
        try TelemetryOutput.guarding("closed-loop") {
            let recording = try RecordingFile(path: file, skipBadLines: false)
            let metrics = ClosedLoopMetrics(records: recording.frames, up: up, down: down)
            if json {
                try TelemetryOutput.printJSON(metrics)
            } else {
                print(Self.render(metrics, file: recording.path), terminator: "")
            }
        }
    }

    static func render(_ m: ClosedLoopMetrics, file: String) -> String {
        func number(_ value: Double?, _ places: Int = 2) -> String { value.map { NumberText.fixed($0, places: places) } ?? "n/a" }
        var out = "closed loop \(file): \(m.frames) frames\n"
        out += "late frames      \(m.lateFrames) (\(NumberText.percent(m.missRate)))\n"
        out += "mean render scale \(number(m.meanRenderScale, 3))\n"
        if let median = m.recoveryFramesMedian {
            out += "recovery median  \(number(median, 1)) frames from the first miss\n"
        } else {
            let why = m.up.isEmpty ? "no step up given"
                : m.up.contains { $0.firstMiss != nil } ? "never back under budget" : "no miss after a step up"
            out += "recovery median  n/a (\(why))\n"
        }
        if let pacing = m.halfRatePacing { out += "half-rate pacing interval p99/p50 \(number(pacing, 3))\n" }
        for step in m.up {
            out += "up   @\(step.frame): "
            switch (step.firstMiss, step.recoveryFrames) {
            case (nil, _): out += "no miss\n"
            case let (miss?, frames?): out += "first miss \(miss), back under budget after \(frames) frame\(frames == 1 ? "" : "s")\n"
            case let (miss?, nil): out += "first miss \(miss), never back under budget\n"
            }
        }
        for step in m.down {
            out += "down @\(step.frame): full quality after \(step.secondsToFullQuality.map { NumberText.fixed($0, places: 2) + " s" } ?? "never"), "
                + "\(step.reversals) reversals\n"
        }
        return out
    }
}
