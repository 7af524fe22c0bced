import Testing
@testable import XrPerfCore

/// The controller's decision as a frame runs with it and records it.
@Suite struct QualityDecisionTests {
    let session = KnobSettings(renderScale: 0.8, frameDivisor: 1, foveation: .fixed, passFilter: .edge)

    @Test func theRenderScaleIsTheControllersOnlyForAppsThatFollowIt() {
        let decision = QualityDecision(settings: QualitySettings(renderScale: 0.5))
        #expect(session.under(decision, scalesRender: true).renderScale == 0.4)
        #expect(session.under(decision, scalesRender: false).renderScale == 0.8)
        #expect(session.under(decision, scalesRender: true).foveation == .fixed)
    }

    @Test func aCheaperPassLevelIsBilinearOnlyWhereThereIsAPass() {
        let reduced = QualityDecision(settings: QualitySettings(passQualityLevel: 1))
        #expect(session.under(reduced, scalesRender: false).passFilter == .bilinear)
        #expect(session.under(QualityDecision(settings: .best), scalesRender: false).passFilter == .edge)
        var noPass = session
        noPass.passFilter = .none
        #expect(noPass.under(reduced, scalesRender: false).passFilter == PassFilter.none)
    }

    @Test func theRecordKeepsTheForecastAndTargetInNanoseconds() {
        let decision = QualityDecision(settings: .best, forecastGpuMs: 4.25, targetMs: 10)
        #expect(decision.recorded == ControllerDecision(forecastGpuNs: 4_250_000, targetNs: 10_000_000))
    }

    /// A pipelined loop: two frames waited before the first ends; each ends
    /// with the knobs and decision of its own wait.
    @Test func eachFrameEndsWithWhatItsWaitWasStampedWith() throws {
        var timeline = FrameTimeline()
        let period: Int64 = 11_000_000
        let first = KnobSettings(renderScale: 0.7, frameDivisor: 1, passFilter: .edge)
        let second = KnobSettings(renderScale: 0.5, frameDivisor: 2, passFilter: .bilinear)
        timeline.waitCalled(atNs: 0)
        timeline.waitReturned(atNs: 1_000, displayTime: period, displayPeriod: period, shouldRender: true,
                              knobs: first, decision: ControllerDecision(forecastGpuNs: 1, targetNs: 2))
        timeline.beginCalled(atNs: 2_000, discarded: false)
        timeline.waitCalled(atNs: 3_000)
        timeline.waitReturned(atNs: 4_000, displayTime: 2 * period, displayPeriod: period, shouldRender: true,
                              knobs: second, decision: ControllerDecision(forecastGpuNs: 3, targetNs: 4))
        #expect(timeline.knobsInProgress == first)
        timeline.endCalled(atNs: 5_000)
        let firstEnd = timeline.endReturned(atNs: 6_000, succeeded: true)
        let ended = try #require(firstEnd)
        #expect(ended.knobs == first && ended.decision == ControllerDecision(forecastGpuNs: 1, targetNs: 2))
        timeline.beginCalled(atNs: 7_000, discarded: false)
        timeline.endCalled(atNs: 8_000)
        let secondEnd = timeline.endReturned(atNs: 9_000, succeeded: true)
        let next = try #require(secondEnd)
        #expect(next.knobs == second && next.decision == ControllerDecision(forecastGpuNs: 3, targetNs: 4))
    }
}
