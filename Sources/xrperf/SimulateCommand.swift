import ArgumentParser
import Foundation
import XrPerfCore

/// `xrperf simulate`: replays a frame-time trace through xrperf's controller
/// and the baselines under protocol 1 of the benchmark protocol.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay a frame-time trace through the quality controllers.",
        discussion: """
            Model (protocol 1): the trace's GPU times are scaled so that their median \
            is load x period. Before each frame a controller picks a per-axis render \
            scale s in [min-scale, 1] seeing only frames at least --delay frames old; \
            the frame then costs gpu x (f + (1 - f) s^2) on the GPU and cpu on the \
            CPU, and misses when either exceeds the period.

            Traces: CSV with a header (gpu_ms required, cpu_ms optional, other \
            columns ignored; rows with an empty or non-positive gpu_ms skipped), or \
            xrperf JSON Lines recordings (app_gpu_ms / app_cpu_ms per frame line).

            Examples:
              xrperf simulate --trace frames.csv --controller all
              xrperf simulate --synthetic jittery --load 1.3 --delay 2 --json
              xrperf simulate --suite > table.md
            """
    )

    @Option(name: .long, help: ArgumentHelp("CSV or JSON Lines trace to replay.", valueName: "file"))
    var trace: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Replay a built-in synthetic trace instead of a file: \(SyntheticTrace.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "kind"))
    var synthetic: String?

    @Flag(name: .long, help: "Run the controller benchmark (every synthetic trace, load 1.0 and 1.3, delay 1 and 2) and print a Markdown table.")
    var suite = false

    @Option(name: .long, help: "Display refresh rate in Hz.")
    var hz: Double = 90

    @Option(name: .long, help: "Median full-quality GPU cost as a multiple of the display period.")
    var load: Double = 1

    @Option(name: .customLong("fixed-fraction"), help: "Share of GPU cost that does not depend on the render scale.")
    var fixedFraction: Double = 0.2

    @Option(name: .long, help: "Frames before a frame's timings reach the controller.")
    var delay: Int = 1

    @Option(name: .customLong("min-scale"), help: "Lowest per-axis render scale.")
    var minScale: Double = 0.5

    @Option(
        name: .long,
        help: ArgumentHelp("xrperf, fixed, unreal, valve, pid or all.", valueName: "name"))
    var controller: String = "xrperf"

    @Option(name: .long, help: "Frames of a synthetic trace.")
    var frames: Int = SyntheticTrace.defaultFrames

    @Option(name: .long, help: "Seed of a synthetic trace.")
    var seed: UInt64 = SyntheticTrace.defaultSeed

    @Flag(name: .long, help: "Print JSON on standard output instead of text.")
    var json = false

    func validate() throws {
        let sources = (trace != nil ? 1 : 0) + (synthetic != nil ? 1 : 0) + (suite ? 1 : 0)
        guard sources == 1 else { throw ValidationError("give exactly one of --trace FILE, --synthetic KIND or --suite") }
        if let synthetic, SyntheticTrace(rawValue: synthetic) == nil {
            throw ValidationError("unknown synthetic trace '\(synthetic)'; one of \(SyntheticTrace.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if controller != "all", SimulatedControllerKind(rawValue: controller) == nil {
            throw ValidationError("unknown controller '\(controller)'; one of xrperf, fixed, unreal, valve, pid, all")
        }
        if let problem = parameters.problems.first { throw ValidationError(problem) }
        guard frames >= FrameTrace.minimumFrames, frames <= 10_000_000 else {
            throw ValidationError("--frames must be between \(FrameTrace.minimumFrames) and 10000000")
        }
    }

    var parameters: SimulationParameters {
        SimulationParameters(hz: hz, load: load, fixedFraction: fixedFraction, delay: delay, minimumScale: minScale)
    }

    var controllers: [SimulatedControllerKind] {
        controller == "all" ? SimulatedControllerKind.allCases : SimulatedControllerKind(rawValue: controller).map { [$0] } ?? []
    }

    func run() throws {
        if suite {
            let reports = SimulationSuite.run(base: parameters, frames: frames, seed: seed)
            if json {
                try SimulateOutput.printJSON(reports)
            } else {
                print(SimulationSuite.markdown(reports), terminator: "")
            }
            return
        }
        let (name, frameTrace) = try loadTrace()
        let report = SimulationReport(trace: name, frameTrace, parameters: parameters, controllers: controllers)
        if json {
            try SimulateOutput.printJSON(report)
        } else {
            print(SimulateOutput.text(report), terminator: "")
        }
    }

    private func loadTrace() throws -> (String, FrameTrace) {
        if let synthetic, let kind = SyntheticTrace(rawValue: synthetic) {
            return ("synthetic:\(kind.rawValue)", kind.generate(frames: frames, seed: seed))
        }
        let path = trace ?? ""
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SimulateFailure(message: "\(path): cannot read the trace (\(Self.reason(error)))")
        }
        do {
            return (path, try TraceParser.parse(text))
        } catch {
            throw SimulateFailure(message: "\(path): \(error.message)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

/// A trace that cannot be simulated: the message names the file and the place.
struct SimulateFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
