/// The knobs of protocol 1 (BENCHMARK-PROTOCOL.md): display rate, load,
/// resolution-independent share, delay of the timings, lowest render scale.
public struct SimulationParameters: Sendable, Equatable {
    public var hz = 90.0
    /// Median GPU cost at full quality as a multiple of the display period.
    public var load = 1.0
    /// Share of GPU cost that does not depend on the render scale.
    public var fixedFraction = 0.2
    /// Frames after which a frame's timings become visible to a controller.
    public var delay = 1
    public var minimumScale = 0.5

    public init(hz: Double = 90, load: Double = 1, fixedFraction: Double = 0.2, delay: Int = 1, minimumScale: Double = 0.5) {
        self.hz = hz
        self.load = load
        self.fixedFraction = fixedFraction
        self.delay = delay
        self.minimumScale = minimumScale
    }

    public var periodMs: Double { 1000 / hz }

    /// Human-readable reasons the parameters cannot be simulated; empty when fine.
    public var problems: [String] {
        var found: [String] = []
        if !(hz.isFinite && hz >= 1 && hz <= 1000) { found.append("--hz must be between 1 and 1000 (got \(hz))") }
        if !(load.isFinite && load > 0 && load <= 100) { found.append("--load must be above 0 and at most 100 (got \(load))") }
        if !(fixedFraction.isFinite && fixedFraction >= 0 && fixedFraction < 1) {
            found.append("--fixed-fraction must be in [0, 1) (got \(fixedFraction))")
        }
        if !(delay >= 1 && delay <= 8) { found.append("--delay must be between 1 and 8 frames (got \(delay))") }
        if !(minimumScale.isFinite && minimumScale > 0 && minimumScale <= 1) {
            found.append("--min-scale must be in (0, 1] (got \(minimumScale))")
        }
        return found
    }

    /// GPU cost of a frame whose full-quality cost is `fullQuality` at scale `s`.
    @inlinable
    public func gpuCost(fullQuality: Double, scale s: Double) -> Double {
        fullQuality * (fixedFraction + (1 - fixedFraction) * s * s)
    }

    /// Largest scale in [minimumScale, 1] at which a frame of full-quality
    /// cost `fullQuality` fits the period; nil when even the lowest does not.
    public func largestFittingScale(fullQuality: Double) -> Double? {
        let pixels = (periodMs / fullQuality - fixedFraction) / (1 - fixedFraction)
        guard pixels >= minimumScale * minimumScale else { return nil }
        return min(pixels.squareRoot(), 1)
    }
}
