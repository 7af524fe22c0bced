import Testing
@testable import XrPerfCore

@Suite struct CompareStatisticsTests {
    @Test func mannWhitneyMatchesAHandComputedExample() throws {
        // base 1,2,3 vs new 4,5,6: every new value is larger, U = 9.
        let test = try #require(MannWhitney(base: [1, 2, 3], new: [4, 5, 6]))
        #expect(test.u == 9)
        #expect(test.probabilityNewLarger == 1)
        // mean 4.5, variance 9 * 7 / 12 = 5.25, z = (9 - 4.5 - 0.5) / sqrt(5.25).
        #expect(abs(test.z - 4 / 5.25.squareRoot()) < 1e-12)
        #expect(test.pValue < 0.05)
        let reverse = try #require(MannWhitney(base: [4, 5, 6], new: [1, 2, 3]))
        #expect(reverse.u == 0)
        #expect(reverse.pValue > 0.95)
    }

    @Test func mannWhitneyHandlesTies() throws {
        let same = try #require(MannWhitney(base: [5, 5, 5, 5], new: [5, 5, 5, 5]))
        #expect(same.u == 8)
        #expect(same.pValue == 1)
        let ties = try #require(MannWhitney(base: [1, 2, 2, 3], new: [2, 3, 3, 4]))
        // Pairs new > base: 2:{1} 3:{1,2,2} x2 4:{all} plus half ties.
        #expect(ties.u == 1 + 0.5 * 2 + (3 + 0.5) * 2 + 4)
        #expect(MannWhitney(base: [], new: [1]) == nil)
    }

    @Test func bootstrapIsReproducibleAndCoversTheTruth() throws {
        var generator = SplitMix64(seed: 42)
        let base = (0..<2000).map { _ in 5 + Double(generator.next() % 1000) / 1000 }
        let new = base.map { $0 + 1 }
        let bootstrap = QuantileDifferenceBootstrap(resamples: 300, seed: 7)
        let a = try #require(bootstrap.intervals(base: base, new: new, quantiles: [0.5, 0.99]))
        let b = try #require(bootstrap.intervals(base: base, new: new, quantiles: [0.5, 0.99]))
        #expect(a == b)
        #expect(a[0].lower < 1 && a[0].upper > 1)
        #expect(a[0].upper - a[0].lower < 0.2)
        #expect(a[1].lower <= 1.05 && a[1].upper >= 0.95)
        #expect(bootstrap.intervals(base: [], new: [1], quantiles: [0.5]) == nil)
    }

    @Test func resampledQuantileOfAConstantIsTheConstant() {
        var generator = SplitMix64(seed: 1)
        var counts = [Int](repeating: 0, count: 10)
        let q = QuantileDifferenceBootstrap.resampledQuantiles([3, 3, 3, 3, 3, 3, 3, 3, 3, 3], [0.5, 0.99],
                                                               &generator, &counts)
        #expect(q == [3, 3])
        #expect(counts.reduce(0, +) == 10)
    }

    func frames(gpuMs: Double, seed: UInt64, count: Int = 1500, lateEvery: Int = 0) -> [FrameRecord] {
        var generator = SplitMix64(seed: seed)
        // ±5% noise around the level.
        let noise = (0..<count).map { _ in 1 + (Double(generator.next() % 10_000) / 10_000 - 0.5) * 0.1 }
        return SyntheticFrames.make(count: count, cpuMs: { 2 * noise[($0 + 7) % count] }, gpuMs: { gpuMs * noise[$0] },
                                    late: { lateEvery > 0 && $0 % lateEvery == 0 })
    }

    @Test func sameLoadDoesNotRegress() {
        let comparison = Comparison(base: frames(gpuMs: 6, seed: 1), new: frames(gpuMs: 6, seed: 2),
                                    options: .init(resamples: 200))
        #expect(!comparison.regression, Comment(rawValue: comparison.reasons.joined(separator: "\n")))
        #expect(comparison.metrics.map(\.metric) == ["interval", "app_cpu", "app_gpu"])
    }

    @Test func oneAndAHalfTimesTheGpuLoadRegresses() throws {
        let comparison = Comparison(base: frames(gpuMs: 6, seed: 1), new: frames(gpuMs: 9, seed: 2),
                                    options: .init(resamples: 200))
        #expect(comparison.regression)
        let gpu = try #require(comparison.metrics.first { $0.metric == "app_gpu" })
        #expect(gpu.medianRegression && gpu.tailRegression)
        #expect(abs(gpu.p50Change - 0.5) < 0.05)
        #expect(gpu.p50Difference.lower > 2.5 && gpu.p50Difference.upper < 3.5)
        #expect(comparison.metrics.first { $0.metric == "app_cpu" }?.regression == false)
        #expect(comparison.reasons.count == 2)
        #expect(comparison.reasons[0].hasPrefix("app_gpu p50 +"))
    }

    @Test func improvementsAndSmallSlowdownsPass() {
        let faster = Comparison(base: frames(gpuMs: 9, seed: 1), new: frames(gpuMs: 6, seed: 2),
                                options: .init(resamples: 200))
        #expect(!faster.regression)
        // +5% is below the default 10% threshold, above a 2% one.
        let slight = Comparison(base: frames(gpuMs: 6, seed: 1), new: frames(gpuMs: 6.3, seed: 2),
                                options: .init(resamples: 200))
        #expect(!slight.regression)
        let strict = Comparison(base: frames(gpuMs: 6, seed: 1), new: frames(gpuMs: 6.3, seed: 2),
                                options: .init(threshold: 0.02, resamples: 200))
        #expect(strict.regression)
    }

    @Test func microsecondSlowdownsDoNotCount() throws {
        // 1.5x of a 0.01 ms GPU median: relatively large, absolutely nothing.
        let tiny = Comparison(base: frames(gpuMs: 0.01, seed: 1), new: frames(gpuMs: 0.015, seed: 2),
                              options: .init(resamples: 200))
        let gpu = try #require(tiny.metrics.first { $0.metric == "app_gpu" })
        #expect(gpu.p50Change > 0.4 && !gpu.regression, Comment(rawValue: tiny.reasons.joined(separator: "\n")))
        // With no minimum the same rise is flagged, so the test can fail.
        let bare = Comparison(base: frames(gpuMs: 0.01, seed: 1), new: frames(gpuMs: 0.015, seed: 2),
                              options: .init(resamples: 200, minimumChangeMs: 0))
        #expect(bare.metrics.first { $0.metric == "app_gpu" }?.regression == true)
    }

    @Test func missRateRise() {
        let comparison = Comparison(base: frames(gpuMs: 6, seed: 1), new: frames(gpuMs: 6, seed: 2, lateEvery: 10),
                                    options: .init(resamples: 200))
        #expect(comparison.missRate.newRate == 0.1)
        #expect(comparison.missRate.regression)
        #expect(comparison.regression)
        #expect(comparison.reasons.contains { $0.hasPrefix("miss rate 0.0% -> 10.0%") })
    }

    @Test func metricMissingOnOneSideIsReportedNotCompared() {
        let noGpu = SyntheticFrames.make(count: 300, gpuMs: { _ in nil })
        let comparison = Comparison(base: noGpu, new: frames(gpuMs: 6, seed: 2, count: 300), options: .init(resamples: 100))
        #expect(comparison.unmatched == ["app_gpu"])
        #expect(!comparison.metrics.contains { $0.metric == "app_gpu" })
    }
}
