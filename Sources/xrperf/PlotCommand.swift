import ArgumentParser
import Foundation
import XrPerfCore
import XrPerfRecordingFile

/// `xrperf plot FILE --out X.svg`: the frame-time chart of a recording.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a recording's frame times as an SVG chart.",
        discussion: """
            Frame interval, app CPU time (its simulation and render thread parts \
            dashed and dotted, when recorded) and app GPU time in milliseconds over time; \
            the frame budget (display period x frame divisor) as a dashed line; a \
            red mark under the chart for each late frame; a dotted vertical line \
            where render scale, frame divisor or foveation changed. With more frames \
            than pixel columns each point is the slowest of its frames, so no spike \
            is hidden. Values above four budgets are clipped and marked with a \
            triangle. Open the SVG in any browser.

            Exit status: 0 written (its path is printed), 2 the recording cannot be \
            read or the output cannot be written, 64 usage error.

            Examples:
              xrperf plot run.jsonl --out run.svg
              xrperf plot run.jsonl --out run.svg --title "hello_xr, scale 0.8" && xdg-open run.svg
              rsvg-convert run.svg -o run.png
            """
    )

    @Argument(help: ArgumentHelp("The recording (JSON Lines); - reads standard input.", valueName: "file"))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the SVG.", valueName: "file.svg"))
    var out: String

    @Option(name: .long, help: "Chart title (default: the app and runtime of the recording).")
    var title: String?

    @Option(name: .long, help: "Width in pixels (600 to 4000).")
    var width = 1200

    @Option(name: .long, help: "Height in pixels (300 to 3000).")
    var height = 600

    @Flag(name: .long, help: "Skip lines that cannot be read (with a warning) instead of stopping.")
    var skipBadLines = false

    func validate() throws {
        guard (600...4000).contains(width) else { throw ValidationError("--width must be 600 to 4000") }
        guard (300...3000).contains(height) else { throw ValidationError("--height must be 300 to 3000") }
    }

    func run() throws {
        try TelemetryOutput.guarding("plot") {
            let recording = try RecordingFile(path: file, skipBadLines: skipBadLines)
            for warning in recording.warnings { TelemetryOutput.warn("plot", "warning: \(warning)") }
            let statistics = FrameStatistics(frames: recording.frames)!
            var chart = FrameChart(title: title ?? "xrperf: \(recording.title)",
                                   subtitle: PlotCommand.subtitle(statistics, complete: recording.complete))
            chart.width = width
            chart.height = height
            let svg = chart.svg(frames: recording.frames)
            do {
                try Data(svg.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw TelemetryInputError("cannot write \(out): \(error.localizedDescription)")
            }
            print(out)
        }
    }

    static func subtitle(_ s: FrameStatistics, complete: Bool) -> String {
        var parts = ["\(s.frames) frames, \(NumberText.fixed(s.durationSeconds, places: 1)) s"]
        if let fps = s.fps { parts.append("\(NumberText.fixed(fps, places: 1)) fps") }
        if let interval = s.interval {
            parts.append("interval p50 \(NumberText.fixed(interval.p50, places: 2)) / p99 \(NumberText.fixed(interval.p99, places: 2)) ms")
        }
        parts.append("late \(NumberText.percent(s.missRate))")
        parts.append(s.bottleneck.label)
        if !complete { parts.append("recording cut") }
        return parts.joined(separator: " · ")
    }
}
