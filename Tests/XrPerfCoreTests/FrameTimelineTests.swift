import Testing
@testable import XrPerfCore

@Suite struct FrameTimelineTests {
    let period: Int64 = 11_111_111

    /// Drives one whole frame through the timeline.
    func frame(_ timeline: inout FrameTimeline, start: Int64, display: Int64, cpu: Int64 = 4_000_000) -> FrameRecord? {
        timeline.waitCalled(atNs: start)
        timeline.waitReturned(atNs: start + 1_000, displayTime: display, displayPeriod: period, shouldRender: true)
        timeline.beginCalled(atNs: start + 2_000, discarded: false)
        timeline.endCalled(atNs: start + 1_000 + cpu)
        return timeline.endReturned(atNs: start + 2_000 + cpu, succeeded: true)
    }

    @Test func measuresAppCpuAndIntervalFromCallTimes() throws {
        var timeline = FrameTimeline()
        let firstResult = frame(&timeline, start: 1_000_000, display: 50_000_000)

        let first = try #require(firstResult)
        #expect(first.frameIndex == 0)
        #expect(first.appCpuNs == 4_000_000)
        #expect(first.frameIntervalNs == nil)
        #expect(first.missedFrames == 0)
        let secondResult = frame(&timeline, start: 1_000_000 + period, display: 50_000_000 + period)

        let second = try #require(secondResult)
        #expect(second.frameIndex == 1)
        #expect(second.frameIntervalNs == period)
        #expect(!second.isLate)
    }

    @Test func displayTimeSkippingPeriodsCountsMissedFrames() throws {
        var timeline = FrameTimeline()
        let first = frame(&timeline, start: 0, display: 100_000_000)
        #expect(first != nil)
        let lateResult = frame(&timeline, start: 3 * period, display: 100_000_000 + 3 * period)

        let late = try #require(lateResult)
        #expect(late.missedFrames == 2)
        #expect(late.flags.contains(.late))
        #expect(FrameTimeline.missedPeriods(previous: 0, current: period * 3 / 2, period: period) == 0)
        #expect(FrameTimeline.missedPeriods(previous: 0, current: period * 16 / 10, period: period) == 1)
        #expect(FrameTimeline.missedPeriods(previous: nil, current: period, period: period) == 0)
        #expect(FrameTimeline.missedPeriods(previous: 10, current: 5, period: period) == 0)
        // Throttled to every second period: two periods is on time, three is one missed.
        #expect(FrameTimeline.missedPeriods(previous: 0, current: period * 2, period: period, divisor: 2) == 0)
        #expect(FrameTimeline.missedPeriods(previous: 0, current: period * 3, period: period, divisor: 2) == 1)
        #expect(FrameTimeline.missedPeriods(previous: 0, current: period * 5, period: 0) == 0)
    }

    @Test func pipelinedWaitBeforePreviousEndKeepsFramesApart() throws {
        var timeline = FrameTimeline()
        timeline.waitCalled(atNs: 0)
        timeline.waitReturned(atNs: 10, displayTime: 1_000, displayPeriod: period, shouldRender: true)
        timeline.beginCalled(atNs: 20, discarded: false)
        // The wait thread already waits for the next frame.
        timeline.waitCalled(atNs: 30)
        timeline.waitReturned(atNs: 40, displayTime: 1_000 + period, displayPeriod: period, shouldRender: false)
        timeline.endCalled(atNs: 50)
        let firstResult = timeline.endReturned(atNs: 60, succeeded: true)

        let first = try #require(firstResult)
        #expect(first.frameIndex == 0 && first.appCpuNs == 40 && first.predictedDisplayTime == 1_000)
        timeline.beginCalled(atNs: 70, discarded: false)
        timeline.endCalled(atNs: 80)
        let secondResult = timeline.endReturned(atNs: 90, succeeded: true)

        let second = try #require(secondResult)
        #expect(second.frameIndex == 1 && second.appCpuNs == 40 && second.flags.contains(.notRendered))
    }

    @Test func outOfOrderAndFailedCallsProduceNoRecord() {
        var timeline = FrameTimeline()
        timeline.endCalled(atNs: 5)
        let none1 = timeline.endReturned(atNs: 6, succeeded: true)
        #expect(none1 == nil)
        timeline.beginCalled(atNs: 7, discarded: false)
        let none2 = timeline.endReturned(atNs: 8, succeeded: true)
        #expect(none2 == nil)
        timeline.waitCalled(atNs: 10)
        timeline.waitReturned(atNs: 11, displayTime: 100, displayPeriod: period, shouldRender: true)
        timeline.beginCalled(atNs: 12, discarded: false)
        timeline.endCalled(atNs: 13)
        let none3 = timeline.endReturned(atNs: 14, succeeded: false)
        #expect(none3 == nil)
    }

    @Test func tooManyWaitsDropTheOldest() throws {
        var timeline = FrameTimeline()
        for i in 0..<6 {
            timeline.waitCalled(atNs: Int64(i) * 100)
            timeline.waitReturned(atNs: Int64(i) * 100 + 1, displayTime: Int64(i + 1) * period,
                                  displayPeriod: period, shouldRender: true)
        }
        timeline.beginCalled(atNs: 1_000, discarded: false)
        timeline.endCalled(atNs: 1_001)
        let recordResult = timeline.endReturned(atNs: 1_002, succeeded: true)

        let record = try #require(recordResult)
        #expect(record.frameIndex == UInt64(6 - FrameTimeline.maxWaitedFrames))
    }

    @Test func layerTimeGoesToTheNextFinishedFrame() throws {
        var timeline = FrameTimeline()
        timeline.addLayerTime(700)
        timeline.addLayerTime(-5)
        let recordResult = frame(&timeline, start: 0, display: 1_000)

        let record = try #require(recordResult)
        #expect(record.layerCpuNs == 700)
        let nextResult = frame(&timeline, start: period, display: 1_000 + period)

        let next = try #require(nextResult)
        #expect(next.layerCpuNs == 0)
    }
}

@Suite struct TimestampMathTests {
    @Test func ticksTimesPeriod() {
        #expect(TimestampMath.nanoseconds(begin: 1_000, end: 3_500, validBits: 64, period: 1) == 2_500)
        #expect(TimestampMath.nanoseconds(begin: 100, end: 200, validBits: 64, period: 83.333) == 8_333)
    }

    @Test func counterWrapsWithinValidBits() {
        // 36 valid bits: the counter wrapped between begin and end.
        let top: UInt64 = (1 << 36) - 10
        #expect(TimestampMath.nanoseconds(begin: top, end: 5, validBits: 36, period: 1) == 15)
        // Garbage above the valid bits is ignored.
        #expect(TimestampMath.nanoseconds(begin: (1 << 40) | 7, end: (3 << 40) | 17, validBits: 36, period: 2) == 20)
    }

    @Test func noTimestampsOrImplausibleValuesAreUnknown() {
        #expect(TimestampMath.nanoseconds(begin: 0, end: 10, validBits: 0, period: 1) == nil)
        #expect(TimestampMath.nanoseconds(begin: 0, end: 10, validBits: 64, period: 0) == nil)
        #expect(TimestampMath.nanoseconds(begin: 0, end: 10, validBits: 64, period: .nan) == nil)
        #expect(TimestampMath.nanoseconds(begin: 10, end: 5, validBits: 64, period: 1) == nil)
    }
}
