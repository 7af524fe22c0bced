/// SplitMix64: a small, fast, seedable generator so bootstrap results are
/// the same on every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound (Lemire's multiply-high, bias below 2^-32 for our sizes).
    mutating func index(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}

/// Percentile bootstrap confidence intervals of the difference of quantiles
/// (new - base) between two samples. Each resample draws n values with
/// replacement from each sample; its quantiles are found by counting how often
/// each sorted index was drawn (O(n) per resample, no sorting).
public struct QuantileDifferenceBootstrap: Sendable {
    public var resamples: Int
    public var confidence: Double
    public var seed: UInt64

    public init(resamples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 0x7872_7065_7266) {
        self.resamples = max(1, resamples)
        self.confidence = confidence
        self.seed = seed
    }

    public struct Interval: Sendable, Equatable, Codable {
        public var lower: Double
        public var upper: Double
    }

    /// One interval per quantile in `quantiles`; nil when a sample is empty.
    public func intervals(base: [Double], new: [Double], quantiles: [Double]) -> [Interval]? {
        guard !base.isEmpty, !new.isEmpty else { return nil }
        let sortedBase = base.sorted(), sortedNew = new.sorted()
        var generator = SplitMix64(seed: seed)
        var counts = [Int](repeating: 0, count: max(sortedBase.count, sortedNew.count))
        var differences = [[Double]](repeating: [], count: quantiles.count)
        for index in differences.indices { differences[index].reserveCapacity(resamples) }
        for _ in 0..<resamples {
            let b = Self.resampledQuantiles(sortedBase, quantiles, &generator, &counts)
            let n = Self.resampledQuantiles(sortedNew, quantiles, &generator, &counts)
            for index in quantiles.indices { differences[index].append(n[index] - b[index]) }
        }
        let tail = (1 - confidence) / 2
        return differences.map { values in
            let sorted = values.sorted()
            return Interval(lower: Percentile.of(sorted: sorted, tail)!, upper: Percentile.of(sorted: sorted, 1 - tail)!)
        }
    }

    /// The R-7 quantiles of one resample of `sorted`.
    static func resampledQuantiles(_ sorted: [Double], _ quantiles: [Double], _ generator: inout SplitMix64,
                                   _ counts: inout [Int]) -> [Double] {
        let n = sorted.count
        for i in 0..<n { counts[i] = 0 }
        for _ in 0..<n { counts[generator.index(below: n)] += 1 }
        return quantiles.map { q in
            let (lower, upper, fraction) = Percentile.ranks(count: n, q)
            let low = value(atRank: lower, sorted, counts)
            let high = upper == lower ? low : value(atRank: upper, sorted, counts)
            return low + fraction * (high - low)
        }
    }

    /// The value of 0-based rank `rank` in the resample described by `counts`.
    static func value(atRank rank: Int, _ sorted: [Double], _ counts: [Int]) -> Double {
        var seen = 0
        for i in 0..<sorted.count {
            seen += counts[i]
            if seen > rank { return sorted[i] }
        }
        return sorted[sorted.count - 1]
    }
}
