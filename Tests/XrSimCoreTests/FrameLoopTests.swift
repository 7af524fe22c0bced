import Testing
@testable import XrSimCore

@Suite struct FrameLoopTests {
    @Test func beginNeedsAPrecedingWait() throws {
        var loop = FrameLoop()
        #expect(throws: XrSimError.callOrderInvalid) { try loop.begin() }
        loop.waited()
        #expect(try loop.begin() == .begun)
        #expect(throws: XrSimError.callOrderInvalid) { try loop.begin() }
    }

    @Test func endNeedsABegunFrame() throws {
        var loop = FrameLoop()
        #expect(throws: XrSimError.callOrderInvalid) { try loop.checkCanEnd() }
        loop.waited()
        _ = try loop.begin()
        try loop.checkCanEnd()
        #expect(loop.ended() == 1)
        #expect(throws: XrSimError.callOrderInvalid) { try loop.checkCanEnd() }
    }

    @Test func beginningAgainDiscardsTheOpenFrame() throws {
        var loop = FrameLoop()
        loop.waited()
        _ = try loop.begin()
        loop.waited()
        #expect(try loop.begin() == .discardedPrevious)
        _ = loop.ended()
        #expect(loop.stats == {
            var s = FrameStats()
            (s.frames, s.waits, s.begins, s.discarded) = (1, 2, 2, 1)
            return s
        }())
    }

    @Test func twoWaitsAllowOneBegin() throws {
        var loop = FrameLoop()
        loop.waited()
        loop.waited()
        _ = try loop.begin()
        #expect(throws: XrSimError.callOrderInvalid) { try loop.begin() }
    }

    @Test func virtualClockAdvancesOnePeriodPerWait() {
        var pacer = FramePacer(mode: .virtual, refreshHz: 100, origin: 1_000)
        let first = pacer.nextFrame(now: 999_999_999)
        let second = pacer.nextFrame(now: 0)
        #expect(first.wakeAt == nil)
        #expect(first.predictedDisplayPeriod == 10_000_000)
        #expect(first.predictedDisplayTime == 1_000 + 2 * 10_000_000)
        #expect(second.predictedDisplayTime - first.predictedDisplayTime == 10_000_000)
    }

    @Test func realtimeClockWakesAtTheNextVsync() {
        var pacer = FramePacer(mode: .realtime, refreshHz: 100, origin: 0)
        let a = pacer.nextFrame(now: 15_000_000)
        #expect(a.wakeAt == 20_000_000)
        #expect(a.predictedDisplayTime == 30_000_000)
        // Called again before that vsync: still a later frame.
        let b = pacer.nextFrame(now: 16_000_000)
        #expect(b.predictedDisplayTime == 40_000_000)
        #expect(b.wakeAt == 30_000_000)
    }
}
