/// Baseline `unreal`: Unreal Engine's dynamic resolution heuristic with its
/// default console variables, as BENCHMARK-PROTOCOL.md describes them:
/// - target GPU time = period x (1 - 10 % headroom);
/// - each of the last 16 frames with a known GPU time suggests the scale
///   that would have hit the target under the quadratic model (cost grows
///   with scale^2): scale_i x sqrt(target / gpu_i); suggestions are averaged
///   with weights 0.9^age;
/// - in cruise the scale changes at most every 8 frames, only by >= 2 %,
///   and increases are damped: 90 % of the old scale is kept;
/// - panic: after 2 consecutive frames over the budget (the period) the
///   newest frame's suggestion applies at once and the history is cleared.
/// Choices the description leaves open: "over budget" compares with the full
/// period, the 2 % threshold is relative to the current scale, and the
/// history holds frames as they become visible (late timings included).
public struct UnrealScaleController: ScaleController {
    public let name = "unreal"
    let periodMs: Double
    let range: ClosedRange<Double>
    let headroom = 0.10
    let historySize = 16
    let frameWeight = 0.9
    let minimumFramesBetweenChanges = 8
    let changeThreshold = 0.02
    let increaseDamping = 0.9
    let panicFrames = 2

    private var suggestions: [Double] = []
    private var overBudgetRun = 0
    private var framesSinceChange = 0
    private var current: Double
    private var panicSuggestion: Double?

    public init(periodMs: Double, range: ClosedRange<Double>) {
        self.periodMs = periodMs
        self.range = range
        current = range.upperBound
        suggestions.reserveCapacity(historySize)
    }

    public mutating func observe(frame: Int, scale: Double, gpuMs: Double, cpuMs: Double?) {
        guard gpuMs.isFinite, gpuMs > 0 else { return }
        let target = periodMs * (1 - headroom)
        let suggestion = scale * (target / gpuMs).squareRoot()
        if suggestions.count == historySize { suggestions.removeLast() }
        suggestions.insert(suggestion, at: 0)
        overBudgetRun = gpuMs > periodMs ? overBudgetRun + 1 : 0
        if overBudgetRun >= panicFrames { panicSuggestion = suggestion }
    }

    public mutating func scale(forFrame frame: Int) -> Double {
        framesSinceChange += 1
        if let panic = panicSuggestion {
            panicSuggestion = nil
            suggestions.removeAll(keepingCapacity: true)
            overBudgetRun = 0
            return apply(min(panic, current))
        }
        guard framesSinceChange >= minimumFramesBetweenChanges, !suggestions.isEmpty else { return current }
        var weight = 1.0
        var total = 0.0
        var weighted = 0.0
        for suggestion in suggestions {
            weighted += weight * suggestion
            total += weight
            weight *= frameWeight
        }
        var proposal = weighted / total
        if proposal > current { proposal = current + (proposal - current) * (1 - increaseDamping) }
        proposal = min(max(proposal, range.lowerBound), range.upperBound)
        guard abs(proposal - current) >= changeThreshold * current else { return current }
        return apply(proposal)
    }

    private mutating func apply(_ scale: Double) -> Double {
        current = min(max(scale, range.lowerBound), range.upperBound)
        framesSinceChange = 0
        return current
    }
}
