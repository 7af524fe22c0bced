import Testing
@testable import XrPerfCore

/// Frames at 90 Hz with chosen CPU/GPU times; shared by the analysis tests.
enum SyntheticFrames {
    static let period: Int64 = 11_111_111

    static func make(count: Int, cpuMs: (Int) -> Double = { _ in 2 }, gpuMs: (Int) -> Double? = { _ in 5 },
                     late: (Int) -> Bool = { _ in false }, scale: (Int) -> Float = { _ in 1 },
                     divisor: UInt32 = 1, start: Int64 = 1_000_000_000) -> [FrameRecord] {
        var frames: [FrameRecord] = []
        var t = start
        for i in 0..<count {
            let isLate = late(i)
            let interval = period * Int64(divisor) * (isLate ? 2 : 1)
            if i > 0 { t += interval }
            frames.append(FrameRecord(
                frameIndex: UInt64(i), predictedDisplayTime: t + 20_000_000, displayPeriodNs: period,
                waitReturnNs: t, appCpuNs: Int64(cpuMs(i) * 1e6), appGpuNs: gpuMs(i).map { Int64($0 * 1e6) },
                frameIntervalNs: i == 0 ? nil : interval, missedFrames: isLate ? 1 : 0,
                flags: isLate ? [.late] : [], knobs: KnobSettings(renderScale: scale(i), frameDivisor: divisor)))
        }
        return frames
    }
}

@Suite struct AnalysisPercentileTests {
    @Test func linearInterpolationBetweenRanks() {
        let sorted = [1.0, 2, 3, 4]
        #expect(Percentile.of(sorted: sorted, 0) == 1)
        #expect(Percentile.of(sorted: sorted, 1) == 4)
        #expect(Percentile.of(sorted: sorted, 0.5) == 2.5)
        #expect(abs(Percentile.of(sorted: sorted, 0.9)! - 3.7) < 1e-12)
        #expect(Percentile.of(sorted: [], 0.5) == nil)
        #expect(Percentile.of(sorted: [7], 0.99) == 7)
    }

    @Test func distributionOfOneToHundred() throws {
        let d = try #require(Distribution(milliseconds: (1...100).map(Double.init).reversed()))
        #expect(d.count == 100)
        #expect(d.min == 1 && d.max == 100)
        #expect(d.p50 == 50.5)
        #expect(abs(d.p90 - 90.1) < 1e-9)
        #expect(abs(d.p99 - 99.01) < 1e-9)
        #expect(d.mean == 50.5)
        #expect(abs(d.stddev - 28.866070047722118) < 1e-9)
        #expect(Distribution(nanoseconds: []) == nil)
        #expect(Distribution(nanoseconds: [2_500_000])?.p50 == 2.5)
    }
}

@Suite struct AnalysisStatisticsTests {
    @Test func steadyNinetyHertz() throws {
        let s = try #require(FrameStatistics(frames: SyntheticFrames.make(count: 901)))
        #expect(s.frames == 901)
        #expect(abs(s.fps! - 90) < 0.01)
        #expect(abs(s.durationSeconds - 10) < 0.001)
        #expect(abs(s.frameBudgetMs! - 11.111111) < 1e-5)
        #expect(s.interval?.count == 900)
        #expect(s.appCpu?.p50 == 2 && s.appGpu?.p99 == 5)
        #expect(s.missRate == 0 && s.lateFrames == 0)
        #expect(s.smoothness == 1)
        #expect(abs(s.headroom.gpu! - (1 - 5 / 11.111111)) < 1e-5)
        #expect(abs(s.headroom.cpu! - (1 - 2 / 11.111111)) < 1e-5)
        #expect(s.headroom.frame == s.headroom.gpu)
        #expect(s.bottleneck == .none)
        #expect(s.bottleneckShares == [BottleneckShare(bottleneck: .none, frames: 901, share: 1)])
        #expect(s.missingFrames == 0)
    }

    @Test func lateFramesCountAndLowerSmoothness() throws {
        let frames = SyntheticFrames.make(count: 100, gpuMs: { _ in 11 }, late: { $0 % 10 == 5 })
        let s = try #require(FrameStatistics(frames: frames))
        #expect(s.lateFrames == 10)
        #expect(s.missedPeriods == 10)
        #expect(s.missRate == 0.1)
        #expect(abs(s.smoothness! - 89.0 / 99) < 1e-9)
        #expect(s.bottleneck == .gpu)
        // fps counts frame indices over time: 99 frames in 109 periods.
        #expect(abs(s.fps! - 99 / (109 * 0.011111111)) < 0.01)
    }

    @Test func frameDivisorDoublesTheBudget() throws {
        let s = try #require(FrameStatistics(frames: SyntheticFrames.make(count: 50, gpuMs: { _ in 15 }, divisor: 2)))
        #expect(abs(s.frameBudgetMs! - 22.222222) < 1e-5)
        #expect(s.bottleneck == .none)
        #expect(s.smoothness == 1)
    }

    @Test func missingGpuTimeAndGapsInFrameIndices() throws {
        var frames = SyntheticFrames.make(count: 20, gpuMs: { _ in nil })
        frames.remove(at: 10)
        let s = try #require(FrameStatistics(frames: frames))
        #expect(s.appGpu == nil)
        #expect(s.gpuMeasuredFrames == 0)
        #expect(s.headroom.gpu == nil)
        #expect(s.missingFrames == 1)
        #expect(FrameStatistics(frames: []) == nil)
    }

    @Test func oneFrameHasNoRate() throws {
        let s = try #require(FrameStatistics(frames: SyntheticFrames.make(count: 1)))
        #expect(s.fps == nil)
        #expect(s.interval == nil)
        #expect(s.smoothness == nil)
    }

    @Test func knobHistogramAndChanges() {
        let frames = SyntheticFrames.make(count: 10, scale: { $0 < 3 ? 1 : ($0 < 8 ? 0.85 : 1) })
        let usage = KnobUsage(frames: frames)
        #expect(usage.histogram.count == 2)
        // A tie: first use decides.
        #expect(usage.histogram[0].setting.renderScale == 1)
        #expect(usage.histogram[1].setting.renderScale == 0.85)
        #expect(usage.histogram[0].frames == 5)
        #expect(usage.histogram[1].frames == 5)
        #expect(usage.histogram[0].share == 0.5)
        #expect(usage.changes.map(\.frame) == [3, 8])
        #expect(usage.changes[0].position == 3)
        #expect(usage.changes[0].to.renderScale == 0.85)
        #expect(usage.current?.renderScale == 1)
        #expect(usage.histogram[1].setting.text == "scale 0.85, divisor 1, foveation off")
        let mostly = KnobUsage(frames: SyntheticFrames.make(count: 10, scale: { $0 < 3 ? 1 : 0.85 }))
        #expect(mostly.histogram.map(\.frames) == [7, 3])
    }

    @Test func numberText() {
        #expect(NumberText.fixed(2.5, places: 2) == "2.50")
        #expect(NumberText.fixed(-0.004, places: 2) == "0.00")
        #expect(NumberText.fixed(-1.235, places: 1) == "-1.2")
        #expect(NumberText.fixed(3, places: 0) == "3")
        #expect(NumberText.fixed(.nan, places: 2) == "-")
        #expect(NumberText.percent(0.125) == "12.5%")
        #expect(NumberText.milliseconds(nil) == "n/a")
    }

    @Test func expAndNormalTail() {
        for x in [-20.0, -1, -0.3, 0, 0.5, 1, 2.302585092994046, 10, 100] {
            let reference = [(-20.0, 2.061153622438558e-09), (-1, 0.36787944117144233), (-0.3, 0.7408182206817179),
                             (0, 1), (0.5, 1.6487212707001282), (1, 2.718281828459045), (2.302585092994046, 10),
                             (10, 22026.465794806718), (100, 2.6881171418161356e+43)].first { $0.0 == x }!.1
            #expect(abs(Numerics.exp(x) / reference - 1) < 1e-13)
        }
        #expect(abs(Numerics.normalUpperTail(0) - 0.5) < 1e-7)
        #expect(abs(Numerics.normalUpperTail(1.959963984540054) - 0.025) < 1e-7)
        #expect(abs(Numerics.normalUpperTail(-1.6448536269514722) - 0.95) < 1e-7)
        #expect(abs(Numerics.normalUpperTail(3) - 0.0013498980316301) < 1e-8)
    }
}
