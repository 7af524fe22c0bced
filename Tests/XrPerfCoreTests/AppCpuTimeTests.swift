import Testing
@testable import XrPerfCore

/// App CPU time from each thread's own CPU clock: what a pipelined engine
/// spends per frame is its busier thread's time, not the wall span across
/// both threads (the conformance suite's pipelined case read 1.6 periods for
/// threads of 0.9 and 0.7), and waiting is not work.
@Suite struct AppCpuTimeTests {
    let period: Int64 = 50_000_000
    func clock(_ thread: Int32, _ cpu: Int64) -> ThreadClock { ThreadClock(thread: thread, cpuNs: cpu) }

    @Test func aSingleThreadedLoopAddsItsSimulationAndRender() throws {
        var timeline = FrameTimeline()
        timeline.waitCalled(atNs: 0, clock: clock(1, 0))
        timeline.waitReturned(atNs: 1_000, displayTime: period, displayPeriod: period, shouldRender: true, clock: clock(1, 100))
        // 3 ms of simulation, then 20 ms asleep on a fence: only CPU counts.
        timeline.beginCalled(atNs: 24_000_000, discarded: false, clock: clock(1, 3_000_100))
        timeline.endCalled(atNs: 30_000_000, clock: clock(1, 5_000_100))
        let frameResult = timeline.endReturned(atNs: 30_001_000, succeeded: true)
        let frame = try #require(frameResult)
        #expect(frame.appCpuNs == 5_000_000)
        #expect(frame.simCpuNs == 3_000_000 && frame.renderCpuNs == 2_000_000)
    }

    @Test func pipelinedThreadsCostTheBusierOne() throws {
        var timeline = FrameTimeline()
        // Simulation thread 1: 45 ms of work after its wait, then waits again.
        timeline.waitCalled(atNs: 0, clock: clock(1, 0))
        timeline.waitReturned(atNs: 1_000, displayTime: period, displayPeriod: period, shouldRender: true, clock: clock(1, 0))
        // Render thread 2 begins the frame while thread 1 is still working.
        timeline.beginCalled(atNs: 40_000_000, discarded: false, clock: clock(2, 500_000_000))
        timeline.waitCalled(atNs: 45_000_000, clock: clock(1, 45_000_000))
        timeline.endCalled(atNs: 75_000_000, clock: clock(2, 535_000_000))
        let frameResult = timeline.endReturned(atNs: 75_001_000, succeeded: true)
        let frame = try #require(frameResult)
        #expect(frame.appCpuNs == 45_000_000)
        #expect(frame.simCpuNs == 45_000_000 && frame.renderCpuNs == 35_000_000)
    }

    @Test func aSimulationThreadStillWorkingIsReadWhenTheFrameEnds() throws {
        var timeline = FrameTimeline()
        timeline.waitCalled(atNs: 0, clock: clock(1, 0))
        timeline.waitReturned(atNs: 1_000, displayTime: period, displayPeriod: period, shouldRender: true, clock: clock(1, 10))
        timeline.beginCalled(atNs: 2_000, discarded: false, clock: clock(2, 0))
        timeline.endCalled(atNs: 10_000_000, clock: clock(2, 8_000_000))
        #expect(timeline.openSimulationThread == 1)
        let frameResult = timeline.endReturned(atNs: 10_001_000, succeeded: true, simulationClock: clock(1, 12_000_010))
        let frame = try #require(frameResult)
        #expect(frame.appCpuNs == 12_000_000)
        // Without a reading of it, the render part alone.
        timeline.waitCalled(atNs: 20_000_000, clock: clock(1, 20_000_000))
        timeline.waitReturned(atNs: 20_001_000, displayTime: 2 * period, displayPeriod: period, shouldRender: true,
                              clock: clock(1, 20_000_000))
        timeline.beginCalled(atNs: 20_002_000, discarded: false, clock: clock(2, 8_000_000))
        timeline.endCalled(atNs: 30_000_000, clock: clock(2, 11_000_000))
        let nextResult = timeline.endReturned(atNs: 30_001_000, succeeded: true)
        let next = try #require(nextResult)
        #expect(next.appCpuNs == 3_000_000)
        #expect(next.simCpuNs == nil && next.renderCpuNs == 3_000_000)
    }

    @Test func withoutThreadClocksTheWallSpanStays() throws {
        var timeline = FrameTimeline()
        timeline.waitCalled(atNs: 0)
        timeline.waitReturned(atNs: 1_000, displayTime: period, displayPeriod: period, shouldRender: true)
        timeline.beginCalled(atNs: 2_000, discarded: false)
        timeline.endCalled(atNs: 4_001_000)
        let frameResult = timeline.endReturned(atNs: 4_002_000, succeeded: true)
        let frame = try #require(frameResult)
        #expect(frame.appCpuNs == 4_000_000)
        #expect(frame.simCpuNs == nil && frame.renderCpuNs == nil)
    }
}
