/// What the layer's controller planned over a recording, against what
/// happened: read from the frames' decisions (`forecast_gpu_ms`,
/// `target_ms`), present only when the controller ran.
public struct ControllerSummary: Sendable, Equatable, Codable {
    /// Frames that carry a decision.
    public var frames: Int
    /// Median of the targets (ms): period x divisor x (1 - headroom).
    public var targetMs: Double
    /// Frames with both a forecast and a measured app GPU time.
    public var comparedFrames: Int
    /// Median and 90th percentile of |measured / forecast - 1|.
    public var forecastErrorP50: Double?
    public var forecastErrorP90: Double?
    /// Share of compared frames whose app GPU time exceeded the target.
    public var overTarget: Double?

    /// nil when no frame carries a decision.
    public init?(frames: [FrameRecord]) {
        let decided = frames.filter { $0.decision != nil }
        guard !decided.isEmpty else { return nil }
        self.frames = decided.count
        let targets = decided.compactMap { $0.decision.map { Double($0.targetNs) / 1e6 } }.sorted()
        targetMs = Percentile.of(sorted: targets, 0.5) ?? 0
        var errors: [Double] = []
        var over = 0
        for frame in decided {
            guard let decision = frame.decision, let gpu = frame.appGpuNs, decision.forecastGpuNs > 0 else { continue }
            errors.append(abs(Double(gpu) / Double(decision.forecastGpuNs) - 1))
            if gpu > decision.targetNs { over += 1 }
        }
        errors.sort()
        comparedFrames = errors.count
        forecastErrorP50 = Percentile.of(sorted: errors, 0.5)
        forecastErrorP90 = Percentile.of(sorted: errors, 0.9)
        overTarget = errors.isEmpty ? nil : Double(over) / Double(errors.count)
    }
}
