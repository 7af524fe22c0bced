import Testing
@testable import XrPerfCore

/// Busy time over the intervals of a frame's submissions.
@Suite struct GpuBusyTimeTests {
    func busy(_ pairs: [(UInt64, UInt64)], bits: UInt32 = 64, period: Float = 1, overhead: UInt64 = 0) -> Int64? {
        GpuBusyTime.nanoseconds(intervals: pairs.count, validBits: bits, period: period, overhead: overhead) {
            (begin: pairs[$0].0, end: pairs[$0].1)
        }
    }

    @Test func gapsBetweenSubmissionsAreNotCounted() {
        // 1 ms of work, 6 ms idle, 2 ms of work.
        #expect(busy([(1_000, 1_001_000), (7_001_000, 9_001_000)]) == 3_000_000)
    }

    @Test func overlapIsCountedOnce() {
        #expect(busy([(0, 100), (50, 130), (120, 125)]) == 130)
    }

    @Test func ticksScaleByThePeriodAndWrapWithinTheValidBits() {
        // A 32-bit counter wrapping between the two submissions.
        let top: UInt64 = 1 << 32
        #expect(busy([(top - 100, top - 40), (top - 10, 30)], bits: 32, period: 2) == Int64(2 * (60 + 40)))
        // Bits above the valid ones are garbage and ignored.
        #expect(busy([(0xFF00_0000_0000_0010, 0xAB00_0000_0000_0020)], bits: 32) == 16)
    }

    @Test func nothingMeasurableIsNil() {
        #expect(busy([]) == nil)
        #expect(busy([(0, 10)], bits: 0) == nil)
        #expect(busy([(0, 10)], period: 0) == nil)
        // An end before its begin (a counter reset) or over 10 s.
        #expect(busy([(100, 50)]) == nil)
        #expect(busy([(0, 20_000_000_000)]) == nil)
    }

    @Test func ourOwnCommandBuffersAreTakenOffEachInterval() {
        // Two submissions of 1 ms and 2 ms, each bracket 0.1 ms longer by
        // the gap between our command buffers and the app's.
        #expect(busy([(0, 1_100_000), (5_000_000, 7_100_000)], overhead: 100_000) == 3_000_000)
        // An interval shorter than the overhead counts nothing, not less.
        #expect(busy([(0, 50), (100, 1_100)], overhead: 100) == 900)
        // Overlap is judged on the shortened intervals.
        #expect(busy([(0, 200), (150, 300)], overhead: 100) == Int64(100 + 50))
    }

    @Test func anEmptyPairReadsTheGapUnlessImplausible() {
        #expect(GpuBusyTime.ownTicks((begin: 1_000, end: 1_120), validBits: 64, period: 1) == 120)
        // Wraps within the valid bits; the period does not scale the ticks.
        #expect(GpuBusyTime.ownTicks((begin: (1 << 32) - 10, end: 20), validBits: 32, period: 2) == 30)
        // A preempted device thread, or a counter reset: no reading.
        #expect(GpuBusyTime.ownTicks((begin: 0, end: 6_000_000), validBits: 64, period: 1) == nil)
        #expect(GpuBusyTime.ownTicks((begin: 500, end: 100), validBits: 64, period: 1) == nil)
        #expect(GpuBusyTime.ownTicks((begin: 0, end: 10), validBits: 0, period: 1) == nil)
    }
}
