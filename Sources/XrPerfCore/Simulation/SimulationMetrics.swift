/// The metrics of protocol 1 for one controller on one trace.
public struct SimulationMetrics: Sendable, Equatable, Codable {
    public var controller: String
    public var frames: Int
    public var misses: Int
    public var missRate: Double
    public var meanScale: Double
    public var p5Scale: Double
    public var reversalsPer1000: Double
    /// nil when no miss followed 10 clean frames and was itself followed by
    /// a clean run of 10 (nothing to recover from).
    public var recoveryFramesMedian: Double?
    /// nil when no frame was CPU-bound (k_t >= c_t at scale 1).
    public var cpuBoundMeanScale: Double?

    enum CodingKeys: String, CodingKey {
        case controller, frames, misses
        case missRate = "miss_rate"
        case meanScale = "mean_scale"
        case p5Scale = "p5_scale"
        case reversalsPer1000 = "reversals_per_1000"
        case recoveryFramesMedian = "recovery_frames_median"
        case cpuBoundMeanScale = "cpu_bound_mean_scale"
    }

    /// Absent values are written as null so every row has every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(controller, forKey: .controller)
        try c.encode(frames, forKey: .frames)
        try c.encode(misses, forKey: .misses)
        try c.encode(missRate, forKey: .missRate)
        try c.encode(meanScale, forKey: .meanScale)
        try c.encode(p5Scale, forKey: .p5Scale)
        try c.encode(reversalsPer1000, forKey: .reversalsPer1000)
        try c.encode(recoveryFramesMedian, forKey: .recoveryFramesMedian)
        try c.encode(cpuBoundMeanScale, forKey: .cpuBoundMeanScale)
    }

    public init(controller: String, run: FrameSimulator.Run, frames: SimulationFrames) {
        let n = run.scales.count
        self.controller = controller
        self.frames = n
        misses = run.missed.reduce(0) { $0 + ($1 ? 1 : 0) }
        missRate = n == 0 ? 0 : Double(misses) / Double(n)
        meanScale = n == 0 ? 0 : run.scales.reduce(0, +) / Double(n)
        p5Scale = Self.quantile(run.scales.sorted(), 0.05)
        reversalsPer1000 = n == 0 ? 0 : Double(Self.reversals(run.scales)) * 1000 / Double(n)
        recoveryFramesMedian = Self.recoveryMedian(run.missed)
        var cpuBound = 0
        var cpuBoundScale = 0.0
        if frames.hasCPU {
            for t in 0..<n where frames.cpuMs[t] >= frames.gpuMs[t] {
                cpuBound += 1
                cpuBoundScale += run.scales[t]
            }
        }
        cpuBoundMeanScale = cpuBound == 0 ? nil : cpuBoundScale / Double(cpuBound)
    }

    /// Sign changes of s_t - s_{t-1} among the steps larger than 0.01.
    static func reversals(_ scales: [Double]) -> Int {
        var count = 0
        var lastSign = 0
        for t in scales.indices.dropFirst() {
            let step = scales[t] - scales[t - 1]
            guard abs(step) > 0.01 else { continue }
            let sign = step > 0 ? 1 : -1
            if lastSign != 0, sign != lastSign { count += 1 }
            lastSign = sign
        }
        return count
    }

    /// For each miss preceded by >= 10 non-missed frames: frames from it to
    /// the first frame of the next run of 10 non-missed frames. Misses with
    /// no such run before the trace ends are left out.
    static func recoveryMedian(_ missed: [Bool]) -> Double? {
        let n = missed.count
        // cleanRunFrom[t]: non-missed frames in a row starting at t.
        var cleanRunFrom = [Int](repeating: 0, count: n + 1)
        for t in stride(from: n - 1, through: 0, by: -1) {
            cleanRunFrom[t] = missed[t] ? 0 : cleanRunFrom[t + 1] + 1
        }
        var recoveries: [Double] = []
        var cleanBefore = 0
        for t in 0..<n {
            if missed[t] {
                if cleanBefore >= 10 {
                    var u = t + 1
                    while u < n, cleanRunFrom[u] < 10 { u += 1 }
                    if u < n { recoveries.append(Double(u - t)) }
                }
                cleanBefore = 0
            } else {
                cleanBefore += 1
            }
        }
        guard !recoveries.isEmpty else { return nil }
        return quantile(recoveries.sorted(), 0.5)
    }

    /// Linear interpolation between order statistics of sorted `values`.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let low = Int(position)
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}
