import ArgumentParser
import Foundation
import XrPerfCore
import XrPerfRecordingFile

/// `xrperf compare BASE NEW`: a regression gate between two recordings.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Check whether a recording regressed against a baseline.",
        discussion: """
            Compares frame interval, app CPU time and app GPU time of NEW against \
            BASE, and their miss rates. A metric regresses when NEW is slower by more \
            than the threshold with confidence:

              median: the 95% bootstrap confidence interval (fixed seed, so results \
            repeat) of p50(NEW) - p50(BASE) lies entirely above threshold x p50(BASE), \
            and a one-sided Mann-Whitney U test gives p < alpha;
              tail: the 95% bootstrap interval of p99(NEW) - p99(BASE) lies entirely \
            above threshold x p99(BASE);
              misses: the miss rate rose by more than --miss-threshold percentage \
            points and a one-sided two-proportion z-test gives p < alpha.

            A timing slowdown must also exceed --min-change milliseconds (default \
            0.05): a 40% rise of a 0.01 ms median is noise no frame notices.

            App CPU time is the busiest app thread's per frame; its parts, the \
            simulation thread's (sim_cpu) and the render thread's (render_cpu), are \
            compared and shown the same way where both recordings have them, but \
            only app CPU time decides.

            Two runs of the same load do not regress; a noticeably heavier NEW does. \
            Improvements never fail.

            Exit status: 0 no regression, 1 regression beyond the threshold, 2 bad \
            input (a file missing, corrupted, without frames), 64 usage error. \
            Suited to gate an app's CI.

            Examples:
              xrperf compare base.jsonl new.jsonl
              xrperf compare base.jsonl new.jsonl --threshold 5
              xrperf compare base.jsonl new.jsonl --json | jq '.regression'
            """
    )

    @Argument(help: ArgumentHelp("The baseline recording.", valueName: "base"))
    var base: String

    @Argument(help: ArgumentHelp("The recording to check.", valueName: "new"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("Slowdown that counts, in percent of BASE.", valueName: "pct"))
    var threshold = 10.0

    @Option(name: .long, help: ArgumentHelp("Miss-rate rise that counts, in percentage points.", valueName: "points"))
    var missThreshold = 1.0

    @Option(name: .long, help: ArgumentHelp("Smallest slowdown that counts, in milliseconds.", valueName: "ms"))
    var minChange = 0.05

    @Option(name: .long, help: "Significance level of the tests.")
    var alpha = 0.01

    @Option(name: .long, help: "Bootstrap resamples.")
    var resamples = 1000

    @Option(name: .long, help: "Bootstrap random seed.")
    var seed: UInt64 = 0x7872_7065_7266

    @Flag(name: .long, help: "Print one JSON object on standard output instead of text.")
    var json = false

    @Flag(name: .long, help: "Skip lines that cannot be read (with a warning) instead of stopping.")
    var skipBadLines = false

    func validate() throws {
        guard threshold >= 0, threshold.isFinite else { throw ValidationError("--threshold must be a percentage >= 0") }
        guard missThreshold >= 0, missThreshold.isFinite else { throw ValidationError("--miss-threshold must be >= 0") }
        guard minChange >= 0, minChange.isFinite else { throw ValidationError("--min-change must be milliseconds >= 0") }
        guard alpha > 0, alpha < 1 else { throw ValidationError("--alpha must be between 0 and 1") }
        guard (100...100_000).contains(resamples) else { throw ValidationError("--resamples must be 100 to 100000") }
    }

    struct Output: Codable {
        var base: String
        var new: String
        var baseFrames: Int
        var newFrames: Int
        var warnings: [String]
        var comparison: Comparison
        var regression: Bool
    }

    func run() throws {
        var regression = false
        try TelemetryOutput.guarding("compare") {
            let baseRecording = try RecordingFile(path: base, skipBadLines: skipBadLines)
            let newRecording = try RecordingFile(path: new, skipBadLines: skipBadLines)
            let warnings = baseRecording.warnings.map { "\(base): \($0)" } + newRecording.warnings.map { "\(new): \($0)" }
            for warning in warnings { TelemetryOutput.warn("compare", "warning: \(warning)") }
            let options = ComparisonOptions(threshold: threshold / 100, missRateThreshold: missThreshold / 100,
                                            alpha: alpha, resamples: resamples, seed: seed, minimumChangeMs: minChange)
            let comparison = Comparison(base: baseRecording.frames, new: newRecording.frames, options: options)
            let output = Output(base: base, new: new, baseFrames: baseRecording.frames.count,
                                newFrames: newRecording.frames.count, warnings: warnings, comparison: comparison,
                                regression: comparison.regression)
            if json {
                try TelemetryOutput.printJSON(output)
            } else {
                print(CompareText.render(output), terminator: "")
            }
            regression = comparison.regression
        }
        if regression { throw ExitCode.failure }
    }
}
