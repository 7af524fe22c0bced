/// Percentiles by linear interpolation between the two nearest ranks (the
/// "R-7" / NumPy default definition): for n sorted samples and a quantile q,
/// h = (n - 1) q and the result is x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
/// p0 is the minimum, p100 the maximum, the median of an even count is the
/// mean of the middle two.
public enum Percentile {
    /// `q` in 0...1 of `sorted` (ascending); nil for no samples.
    public static func of(sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let h = Double(sorted.count - 1) * min(1, max(0, q))
        let lower = Int(h)
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = h - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }

    /// The two 0-based ranks and weight R-7 uses for `q` of `count` samples.
    static func ranks(count: Int, _ q: Double) -> (lower: Int, upper: Int, fraction: Double) {
        let h = Double(count - 1) * min(1, max(0, q))
        let lower = Int(h)
        return (lower, min(lower + 1, count - 1), h - Double(lower))
    }
}

/// The shape of one timing quantity over many frames, in milliseconds.
public struct Distribution: Sendable, Equatable, Codable {
    public var count: Int
    public var mean: Double
    /// Population standard deviation.
    public var stddev: Double
    public var min: Double
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var max: Double

    /// From durations in nanoseconds; nil when there are none.
    public init?(nanoseconds: [Int64]) {
        self.init(milliseconds: nanoseconds.map { Double($0) / 1e6 })
    }

    public init?(milliseconds values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        let sum = sorted.reduce(0, +)
        let average = sum / Double(count)
        mean = average
        let squares = sorted.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        stddev = (squares / Double(count)).squareRoot()
        min = sorted[0]
        max = sorted[count - 1]
        p50 = Percentile.of(sorted: sorted, 0.50)!
        p90 = Percentile.of(sorted: sorted, 0.90)!
        p99 = Percentile.of(sorted: sorted, 0.99)!
    }
}
