/// Seeded SplitMix64 for the synthetic traces: the same seed gives the same
/// trace on every machine and Swift version (the standard library's
/// generator is neither seedable nor stable).
struct TraceRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
    }

    /// Approximately standard normal: the sum of 12 uniforms minus 6 (mean 0,
    /// variance 1, bounded at +-6). Exact tails do not matter for traces and
    /// this needs no logarithm (XrPerfCore imports no C maths).
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += uniform() }
        return sum - 6
    }

    mutating func chance(_ probability: Double) -> Bool {
        uniform() < probability
    }
}
