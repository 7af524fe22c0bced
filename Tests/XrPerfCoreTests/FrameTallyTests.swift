import Testing
@testable import XrPerfCore

@Suite struct FrameTallyTests {
    @Test func emptyTallyHasNoRate() {
        let tally = FrameTally()
        #expect(tally.frames == 0)
        #expect(tally.framesPerSecond == nil)
        #expect(tally.seconds == 0)
    }

    @Test func oneFrameHasNoRate() {
        var tally = FrameTally()
        tally.recordFrame(atNanoseconds: 5_000)
        #expect(tally.frames == 1)
        #expect(tally.framesPerSecond == nil)
    }

    @Test func rateCountsIntervalsBetweenFrames() throws {
        var tally = FrameTally()
        // 91 frames 1/90 s apart span exactly one second.
        for i in 0..<91 { tally.recordFrame(atNanoseconds: 1_000 + UInt64(i) * 11_111_111) }
        #expect(tally.frames == 91)
        let fps = try #require(tally.framesPerSecond)
        #expect(abs(fps - 90.0) < 0.01)
    }

    @Test func clockGoingBackwardsDoesNotShrinkTheSpan() {
        var tally = FrameTally()
        tally.recordFrame(atNanoseconds: 2_000_000_000)
        tally.recordFrame(atNanoseconds: 3_000_000_000)
        tally.recordFrame(atNanoseconds: 2_500_000_000)
        #expect(tally.lastNanoseconds == 3_000_000_000)
        #expect(tally.frames == 3)
    }
}
