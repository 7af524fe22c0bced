/// A trace scaled per protocol 1: full-quality GPU cost and CPU cost per
/// frame, in ms, multiplied by the one factor that puts the median GPU cost
/// at load x period.
public struct SimulationFrames: Sendable, Equatable {
    public let gpuMs: [Double]
    /// 0 where the trace has no CPU time.
    public let cpuMs: [Double]
    public let hasCPU: Bool
    public let scaleFactor: Double

    public init(trace: FrameTrace, parameters: SimulationParameters) {
        // A recording made while the layer was already scaling measured each
        // frame at its own scale: undo the protocol's cost model first.
        var fullQuality = trace.gpuMs
        if let scales = trace.renderScale {
            for t in fullQuality.indices {
                fullQuality[t] /= parameters.gpuCost(fullQuality: 1, scale: scales[t])
            }
        }
        let median = Self.median(fullQuality)
        let factor = median > 0 ? parameters.load * parameters.periodMs / median : 1
        scaleFactor = factor
        gpuMs = fullQuality.map { $0 * factor }
        cpuMs = trace.cpuMs.map { $0 * factor }
        hasCPU = trace.hasCPU
    }

    public var count: Int { gpuMs.count }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
