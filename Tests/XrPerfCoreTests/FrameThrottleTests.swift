import Testing
@testable import XrPerfCore

@Suite struct FrameThrottleTests {
    let period90: Int64 = 11_111_111

    @Test func divisorIsTheSmallestWholeRatioNotAboveTheTarget() {
        #expect(FrameThrottle.divisor(targetFps: 0, periodNs: period90) == 1)
        #expect(FrameThrottle.divisor(targetFps: 90, periodNs: period90) == 1)
        #expect(FrameThrottle.divisor(targetFps: 120, periodNs: period90) == 1)
        #expect(FrameThrottle.divisor(targetFps: 45, periodNs: period90) == 2)
        #expect(FrameThrottle.divisor(targetFps: 60, periodNs: period90) == 2)
        #expect(FrameThrottle.divisor(targetFps: 30, periodNs: period90) == 3)
        #expect(FrameThrottle.divisor(targetFps: 36, periodNs: 8_333_333) == 4)  // 120 Hz
        #expect(FrameThrottle.divisor(targetFps: 0.001, periodNs: period90) == 16)
    }

    @Test func garbageMeansNoCap() {
        #expect(FrameThrottle.divisor(targetFps: .nan, periodNs: period90) == 1)
        #expect(FrameThrottle.divisor(targetFps: -45, periodNs: period90) == 1)
        #expect(FrameThrottle.divisor(targetFps: 45, periodNs: 0) == 1)
    }

    @Test func wakeTimeIsAQuarterPeriodPastTheSkippedBoundaries() {
        #expect(FrameThrottle.wakeTime(lastWaitReturnNs: 1_000, periodNs: period90, divisor: 1) == nil)
        #expect(FrameThrottle.wakeTime(lastWaitReturnNs: 0, periodNs: period90, divisor: 2) == nil)
        #expect(FrameThrottle.wakeTime(lastWaitReturnNs: 1_000, periodNs: 10_000_000, divisor: 2) == Int64(12_501_000))
        #expect(FrameThrottle.wakeTime(lastWaitReturnNs: 1_000, periodNs: 10_000_000, divisor: 3) == Int64(22_501_000))
    }
}
