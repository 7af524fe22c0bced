import Testing
@testable import XrPerfCore

@Suite struct RollingStatisticsTests {
    @Test func windowKeepsTheNewestValuesAndTheirSum() {
        var window = RollingWindow<4>()
        for value in [1.0, 2, 3, 4, 5, 6] { window.push(value) }
        #expect(window.count == 4)
        #expect(window.sum == 18)
        #expect(window.mean == 4.5)
        #expect(window.value(age: 0) == 6)
        #expect(window.value(age: 3) == 3)
        #expect(window.value(age: 4) == nil)
    }

    @Test func windowRefusesNonFiniteValues() {
        var window = RollingWindow<8>()
        window.push(2)
        let tookNaN = window.push(.nan)
        let tookInfinity = window.push(.infinity)
        #expect(!tookNaN && !tookInfinity)
        #expect(window.count == 1)
        #expect(window.sum == 2)
    }

    @Test func windowSumDoesNotDriftOverLongRuns() {
        var window = RollingWindow<16>()
        var random = TraceRandom(seed: 7)
        for _ in 0..<100_000 { window.push(random.uniform() * 1e6) }
        var exact = 0.0
        for age in 0..<16 { exact += window.value(age: age)! }
        #expect(abs(window.sum - exact) <= 1e-6 * exact)
    }

    @Test func quantilesMatchASortedCopyOfTheWindow() {
        var quantiles = RollingQuantiles<32>()
        var reference: [Double] = []
        var random = TraceRandom(seed: 3)
        for step in 0..<500 {
            // Repeated values on purpose: eviction must remove exactly one.
            let value = (random.uniform() * 20).rounded()
            quantiles.push(value)
            reference.append(value)
            if reference.count > 32 { reference.removeFirst() }
            let sorted = reference.sorted()
            for q in [0.0, 0.1, 0.5, 0.9, 0.99, 1.0] {
                let position = q * Double(sorted.count - 1)
                let low = Int(position)
                let high = min(low + 1, sorted.count - 1)
                let expected = sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
                #expect(abs(quantiles.quantile(q)! - expected) < 1e-12, "step \(step) q \(q)")
            }
        }
    }

    @Test func quantilesOfAnEmptyWindowAreUnknown() {
        let quantiles = RollingQuantiles<8>()
        #expect(quantiles.quantile(0.5) == nil)
        #expect(quantiles.maximum == nil)
    }

    @Test func levelFollowsATrendWithoutLagging() {
        var level = ExponentialLevel(levelWeight: 0.2, trendWeight: 0.1, trendDamping: 1)
        for t in 0..<300 { level.update(10 + 0.05 * Double(t)) }
        // Next value is 10 + 0.05 * 300 = 25.
        #expect(abs(level.forecast(horizon: 1) - 25) < 0.05)
    }
}
