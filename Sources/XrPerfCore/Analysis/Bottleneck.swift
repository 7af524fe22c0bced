/// What limits a frame, or a window of frames.
///
/// The rule (docs/telemetry.md, "Bottleneck"), with budget B = display period
/// x frame divisor and margin m = 500 µs, as OpenXR Toolkit's overlay uses:
/// 1. app CPU or app GPU time is *limiting* when it leaves less than m of the
///    budget: `time + m >= B`.
/// 2. If either is limiting, the larger of the two is the bottleneck
///    (`gpu-bound` when app GPU >= app CPU, else `cpu-bound`).
/// 3. Otherwise, if the frame was late (missed a display period), the app left
///    time to spare and still missed: `runtime-bound` (compositor, runtime
///    pacing, or GPU work outside the app's queue). When app GPU time is not
///    measured this case is `unknown` instead (the GPU cannot be ruled out).
/// 4. Otherwise `none`: the frame fit, the display paces the app.
public enum Bottleneck: String, Sendable, Codable, CaseIterable {
    case cpu = "cpu-bound"
    case gpu = "gpu-bound"
    case runtime = "runtime-bound"
    case none = "none"
    case unknown = "unknown"

    /// The margin of rule 1.
    public static let marginNs: Int64 = 500_000

    /// Applies the rule to one frame (or to representative values of a window).
    public static func classify(appCpuNs: Int64?, appGpuNs: Int64?, budgetNs: Int64, late: Bool,
                                marginNs: Int64 = Bottleneck.marginNs) -> Bottleneck {
        guard budgetNs > 0 else { return .unknown }
        // time + m >= B, written so that no time read from a file overflows.
        let (difference, overflow) = budgetNs.subtractingReportingOverflow(marginNs)
        let limit = overflow ? (marginNs > 0 ? Int64.min : Int64.max) : difference
        let cpuLimiting = appCpuNs.map { $0 >= limit } ?? false
        let gpuLimiting = appGpuNs.map { $0 >= limit } ?? false
        if cpuLimiting || gpuLimiting {
            return (appGpuNs ?? Int64.min) >= (appCpuNs ?? Int64.min) ? .gpu : .cpu
        }
        guard late else { return appCpuNs == nil && appGpuNs == nil ? .unknown : .none }
        return appGpuNs == nil ? .unknown : .runtime
    }

    /// Words for text output.
    public var label: String {
        switch self {
        case .cpu: "CPU-bound"
        case .gpu: "GPU-bound"
        case .runtime: "runtime-bound"
        case .none: "within budget"
        case .unknown: "unknown"
        }
    }
}

/// How many frames of a window fell in each bottleneck class.
public struct BottleneckShare: Sendable, Equatable, Codable {
    public var bottleneck: Bottleneck
    public var frames: Int
    public var share: Double
}
