import Testing
@testable import XrPerfCore

@Suite struct ClosedLoopMetricsTests {
    static let period: Int64 = 11_111_111

    /// Frames 0..<count at 90 Hz with GPU time and scale from closures.
    static func run(_ count: Int, gpuMs: (Int) -> Double, scale: (Int) -> Float = { _ in 1 },
                    late: (Int) -> Bool = { _ in false }, divisor: (Int) -> UInt32 = { _ in 1 }) -> [FrameRecord] {
        (0..<count).map { index in
            FrameRecord(frameIndex: UInt64(index), displayPeriodNs: period, waitReturnNs: Int64(index) * period,
                        appGpuNs: Int64(gpuMs(index) * 1e6), frameIntervalNs: period * Int64(divisor(index)),
                        missedFrames: late(index) ? 1 : 0,
                        knobs: KnobSettings(renderScale: scale(index), frameDivisor: divisor(index)))
        }
    }

    @Test func recoveryCountsFramesFromTheFirstMissBackUnderThePeriod() {
        // Load steps up at 100; frames 102 and 103 are late; 105 fits again.
        let records = Self.run(300, gpuMs: { $0 >= 100 && $0 < 105 ? 14 : 8 }, late: { $0 == 102 || $0 == 103 })
        let metrics = ClosedLoopMetrics(records: records, up: [100], down: [200])
        #expect(metrics.up.first?.firstMiss == 102)
        #expect(metrics.up.first?.recoveryFrames == 3)
        #expect(metrics.recoveryFramesMedian == 3)
        #expect(metrics.lateFrames == 2)
        #expect(abs(metrics.missRate - 2.0 / 300) < 1e-12)
    }

    @Test func fullQualityAndReversalsAfterTheStepDown() {
        // Scale 0.7 under load, then back up from frame 200 to 1.0 at 289
        // in steps of 0.0034 (too small to count) with one dip of 0.05 on
        // the way: one reversal (the small steps before it set no direction).
        let records = Self.run(400, gpuMs: { _ in 8 }, scale: { index in
            if index < 200 { return 0.7 }
            if index == 240 { return 0.75 }
            return min(1, 0.7 + Float(index - 200) * 0.0034)
        })
        let metrics = ClosedLoopMetrics(records: records, up: [], down: [200])
        let step = try! #require(metrics.down.first)
        #expect(step.reversals == 1)
        let seconds = try! #require(step.secondsToFullQuality)
        #expect(abs(seconds - Double(289 - 200) * Double(Self.period) / 1e9) < 0.02)
        #expect(metrics.meanRenderScale < 1 && metrics.meanRenderScale > 0.7)
    }

    @Test func halfRatePacingAfterTheDivisorSettles() {
        let records = Self.run(400, gpuMs: { _ in 15 }, divisor: { $0 >= 50 ? 2 : 1 })
        let metrics = ClosedLoopMetrics(records: records, up: [], down: [])
        #expect(metrics.halfRatePacing == 1)
        #expect(ClosedLoopMetrics(records: Self.run(100, gpuMs: { _ in 5 }), up: [], down: []).halfRatePacing == nil)
    }

    @Test func stepsWithoutMissesOrEmptyRecordings() {
        let metrics = ClosedLoopMetrics(records: Self.run(50, gpuMs: { _ in 5 }, late: { $0 == 30 }), up: [10], down: [20])
        // The miss at 30 is after the load went down again: not this step's.
        #expect(metrics.up.first?.firstMiss == nil)
        #expect(metrics.recoveryFramesMedian == nil)
        let empty = ClosedLoopMetrics(records: [], up: [1], down: [2])
        #expect(empty.frames == 0 && empty.missRate == 0)
    }
}
