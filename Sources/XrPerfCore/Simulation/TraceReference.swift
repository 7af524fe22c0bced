/// Reference figures of a trace that no real controller can know in advance:
/// what a per-frame oracle would reach and the best fixed scale in hindsight.
public struct TraceReference: Sendable, Equatable {
    /// Mean over frames of the largest scale with c_t <= period (the lowest
    /// scale where even that does not fit: the oracle can do no better).
    public var oracleMeanScale: Double
    /// Largest fixed scale with miss_rate <= 1 %; nil when none exists
    /// (for instance when the CPU alone misses more than 1 % of frames).
    public var frontierScale: Double?

    public static let frontierMissRate = 0.01

    public init(frames: SimulationFrames, parameters: SimulationParameters) {
        let n = frames.count
        let period = parameters.periodMs
        var oracleTotal = 0.0
        // Per frame, the largest scale that does not miss; -infinity when the
        // frame misses at every scale (CPU over the period, or GPU too slow).
        var thresholds: [Double] = []
        thresholds.reserveCapacity(n)
        for t in 0..<n {
            let fitting = parameters.largestFittingScale(fullQuality: frames.gpuMs[t])
            oracleTotal += fitting ?? parameters.minimumScale
            let cpuMisses = frames.cpuMs[t] > period
            thresholds.append(cpuMisses ? -.infinity : (fitting ?? -.infinity))
        }
        oracleMeanScale = n == 0 ? 0 : oracleTotal / Double(n)
        // A fixed scale s misses on the frames whose threshold is below s, so
        // the frontier is the (allowed + 1)-th smallest threshold.
        let allowed = Int((Self.frontierMissRate * Double(n)).rounded(.down))
        thresholds.sort()
        if allowed < n {
            let frontier = min(thresholds[allowed], 1)
            frontierScale = frontier >= parameters.minimumScale ? frontier : nil
        } else {
            frontierScale = 1
        }
    }
}
