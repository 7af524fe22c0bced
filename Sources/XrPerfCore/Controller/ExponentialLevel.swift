/// Exponentially weighted level and trend of one series (Holt's method with a
/// damped trend). O(1), two doubles of state. The level follows real changes
/// within a few frames; the trend lets a slow drift be forecast instead of
/// chased from behind.
public struct ExponentialLevel: Sendable, Equatable {
    /// Weight of the newest value in the level (0...1).
    public var levelWeight: Double
    /// Weight of the newest level change in the trend (0...1).
    public var trendWeight: Double
    /// Per-frame damping of the trend when extrapolating, so a forecast
    /// several frames out never runs away on a short-lived slope.
    public var trendDamping: Double

    public private(set) var level = 0.0
    public private(set) var trend = 0.0
    public private(set) var samples = 0

    public init(levelWeight: Double, trendWeight: Double, trendDamping: Double = 0.9) {
        self.levelWeight = levelWeight
        self.trendWeight = trendWeight
        self.trendDamping = trendDamping
    }

    public var isEmpty: Bool { samples == 0 }

    public mutating func update(_ value: Double) {
        guard value.isFinite else { return }
        if samples == 0 {
            level = value
            trend = 0
        } else {
            // Damped Holt: blend the value into the extrapolated level, then
            // blend the level's change into the (damped) trend.
            let previous = level
            let extrapolated = level + trendDamping * trend
            level = levelWeight * value + (1 - levelWeight) * extrapolated
            trend = trendWeight * (level - previous) + (1 - trendWeight) * trendDamping * trend
        }
        samples += 1
    }

    /// Forecast `horizon` frames after the newest value.
    public func forecast(horizon: Int) -> Double {
        var total = 0.0
        var damping = trendDamping
        for _ in 0..<min(max(horizon, 0), 64) {
            total += damping
            damping *= trendDamping
        }
        return level + trend * total
    }

    /// Moves the level to `value` at once (a step the caller has detected)
    /// and forgets the trend that led there.
    public mutating func reset(to value: Double) {
        guard value.isFinite else { return }
        level = value
        trend = 0
        samples = max(samples, 1)
    }
}
