import Testing
@testable import XrPerfCore

/// Inputs the libFuzzer targets (Sources/Fuzz*, docs/reliability.md) found
/// trapping on integer overflow: times and counts in a recording or a
/// telemetry file can be any 64-bit value, and reading one must not crash.
struct FuzzRegressionTests {
    @Test func statisticsOfFramesWithExtremeTimestamps() throws {
        let frames = [
            FrameRecord(frameIndex: 0, displayPeriodNs: 11_111_111, waitReturnNs: .min, appGpuNs: .max),
            FrameRecord(frameIndex: .max, displayPeriodNs: 11_111_111, waitReturnNs: .max, appCpuNs: .max),
        ]
        let statistics = try #require(FrameStatistics(frames: frames))
        #expect(statistics.durationSeconds > 18e9)
        #expect(statistics.missingFrames == UInt64.max - 2)
        #expect(statistics.bottleneck == .gpu)
    }

    @Test func budgetOfAnOverflowingPeriodIsUnknown() {
        let frame = FrameRecord(displayPeriodNs: .max / 2 + 1, knobs: KnobSettings(frameDivisor: 2))
        #expect(frame.budgetNs == nil)
        #expect(FrameStatistics(frames: [frame])?.frameBudgetMs == nil)
    }

    @Test func p90NearInt64MaxClampsToIt() {
        #expect(FrameStatistics.nanoseconds(milliseconds: Double(Int64.max) / 1e6) == .max)
        #expect(FrameStatistics.nanoseconds(milliseconds: -1e300) == .min)
        #expect(FrameStatistics.nanoseconds(milliseconds: 1.5) == 1_500_000)
    }

    @Test func bottleneckOfTimesNearInt64Max() {
        #expect(Bottleneck.classify(appCpuNs: .max, appGpuNs: nil, budgetNs: 11_111_111, late: false) == .cpu)
        #expect(Bottleneck.classify(appCpuNs: 1, appGpuNs: 1, budgetNs: .max, late: false, marginNs: .min) == .none)
        #expect(Bottleneck.classify(appCpuNs: 1, appGpuNs: 2, budgetNs: 1, late: false, marginNs: 0) == .gpu)
    }

    @Test func ringCursorNearTheEndOfUInt64() {
        let cursor = RingCursor(capacity: 1024, start: .max - 1)
        #expect(cursor.decide(publishedAfterRead: .max, gpuPending: false) == .take)
        #expect(cursor.decide(publishedAfterRead: .max, gpuPending: true) == .wait)
        // A published count that went backwards (a rewritten file) keeps the copy.
        #expect(cursor.decide(publishedAfterRead: 3, gpuPending: false) == .take)
        #expect(RingCursor(capacity: 4, start: 10).decide(publishedAfterRead: 14, gpuPending: false) == .lost)
        #expect(RingCursor(capacity: 4, start: 10).decide(publishedAfterRead: 13, gpuPending: false) == .take)
    }
}
