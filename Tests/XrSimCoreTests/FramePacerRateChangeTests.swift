import Testing
@testable import XrSimCore

@Suite struct FramePacerRateChangeTests {
    @Test func virtualClockFollowsTheNewPeriodFromTheLastFrame() {
        var pacer = FramePacer(mode: .virtual, refreshHz: 100, origin: 0)
        let before = pacer.nextFrame(now: 0)
        pacer.changeRate(refreshHz: 50)
        let after = pacer.nextFrame(now: 0)
        let next = pacer.nextFrame(now: 0)
        #expect(before.predictedDisplayPeriod == 10_000_000)
        #expect(after.predictedDisplayPeriod == 20_000_000)
        #expect(after.predictedDisplayTime == before.predictedDisplayTime + 20_000_000)
        #expect(next.predictedDisplayTime == after.predictedDisplayTime + 20_000_000)
    }

    @Test func realtimeVsyncsRestartAtTheFrameShownAtTheOldRate() {
        var pacer = FramePacer(mode: .realtime, refreshHz: 100, origin: 0)
        let before = pacer.nextFrame(now: 5_000_000)
        #expect(before.wakeAt == 10_000_000)
        #expect(before.predictedDisplayTime == 20_000_000)
        pacer.changeRate(refreshHz: 50)
        // The app calls again before its frame is shown: it wakes at that vsync.
        let after = pacer.nextFrame(now: 12_000_000)
        #expect(after.wakeAt == 20_000_000)
        #expect(after.predictedDisplayTime == 40_000_000)
        #expect(after.predictedDisplayPeriod == 20_000_000)
        // Later waits land on the new grid: 20 ms + k * 20 ms.
        let late = pacer.nextFrame(now: 65_000_000)
        #expect(late.wakeAt == 80_000_000)
        #expect(late.predictedDisplayTime == 100_000_000)
    }

    @Test func fasterRateStillPredictsLaterFrames() {
        var pacer = FramePacer(mode: .realtime, refreshHz: 30, origin: 0)
        let before = pacer.nextFrame(now: 0)
        pacer.changeRate(refreshHz: 120)
        let after = pacer.nextFrame(now: 1)
        #expect(after.predictedDisplayTime > before.predictedDisplayTime)
        #expect(after.predictedDisplayPeriod == 8_333_333)
    }

    @Test func changeBeforeAnyFrameOnlySetsThePeriod() {
        var pacer = FramePacer(mode: .virtual, refreshHz: 100, origin: 1_000)
        pacer.changeRate(refreshHz: 50)
        #expect(pacer.nextFrame(now: 0).predictedDisplayTime == 1_000 + 2 * 20_000_000)
    }
}
