import ArgumentParser
import Foundation
import XrPerfCore
import XrPerfRecordingFile

/// `xrperf report FILE`: summary and recommendations of a recording.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise a recording and suggest what to change.",
        discussion: """
            Reads a recording (JSON Lines, written by the layer with XRPERF_RECORD=path \
            or by `xrperf record`) and prints: frames, duration, fps; p50, p90, p99 and \
            max of frame interval, app CPU time (the busiest app thread's per frame, \
            with its simulation and render thread parts when recorded) and app GPU \
            time; late frames and miss \
            rate; smoothness (share of frame intervals within 10% of the frame \
            budget); headroom; the bottleneck verdict and the share of frames per \
            bottleneck; which knob settings the frames ran with; and concrete \
            recommendations derived from those numbers (see docs/telemetry.md).

            A recording without its end line (the app or recorder was killed) is \
            reported as cut and still analysed; so is a cut last line. Any other line \
            that is not valid is an error naming the line number, unless \
            --skip-bad-lines is given.

            Exit status: 0 report printed, 2 the file is missing, not a recording or \
            corrupted, 64 usage error.

            Examples:
              xrperf report run.jsonl
              xrperf report run.jsonl --json | jq '.statistics.appGpu.p99'
              XRPERF_RECORD=/tmp/run.jsonl hello_xr -g Vulkan2 && xrperf report /tmp/run.jsonl
            """
    )

    @Argument(help: ArgumentHelp("The recording (JSON Lines); - reads standard input.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Print one JSON object on standard output instead of text.")
    var json = false

    @Flag(name: .long, help: "Skip lines that cannot be read (with a warning) instead of stopping.")
    var skipBadLines = false

    func run() throws {
        try TelemetryOutput.guarding("report") {
            let recording = try RecordingFile(path: file, skipBadLines: skipBadLines)
            let report = ReportCommand.report(of: recording)
            for warning in report.warnings { TelemetryOutput.warn("report", "warning: \(warning)") }
            if json {
                try TelemetryOutput.printJSON(report)
            } else {
                print(ReportText.render(report), terminator: "")
            }
        }
    }

    static func report(of recording: RecordingFile) -> RecordingReport {
        // RecordingFile guarantees at least one frame.
        RecordingReport(
            file: recording.path, session: recording.session, complete: recording.complete,
            declaredFrames: recording.declaredFrames, droppedFrames: recording.dropped,
            warnings: recording.warnings, frames: recording.frames)!
    }
}
