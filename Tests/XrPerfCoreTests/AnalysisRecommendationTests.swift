import Testing
@testable import XrPerfCore

@Suite struct AnalysisRecommendationTests {
    func recommendations(_ frames: [FrameRecord]) -> [Recommendation] {
        let s = FrameStatistics(frames: frames)!
        return Recommendation.make(statistics: s, knobs: KnobUsage(frames: frames))
    }

    @Test func gpuBoundLowersRenderScaleBySquareRoot() throws {
        // p90 GPU at 98% of the budget: sqrt(0.85 / 0.98) = 0.931.
        let gpu = 0.98 * 11.111111
        let recs = recommendations(SyntheticFrames.make(count: 600, gpuMs: { _ in gpu }))
        let lower = try #require(recs.first { $0.id == "lower-render-scale" })
        #expect(lower.message.contains("98%"))
        #expect(lower.message.contains("~0.93"))
        #expect(abs(Recommendation.suggestedScale(current: 1, load: 0.98) - 0.9313) < 1e-3)
        #expect(abs(Recommendation.suggestedScale(current: 0.8, load: 1.7) - 0.8 * (0.5).squareRoot()) < 1e-9)
    }

    @Test func gpuFarOverBudgetSuggestsHalfRate() {
        let recs = recommendations(SyntheticFrames.make(count: 600, gpuMs: { _ in 60 }, late: { _ in true }))
        #expect(recs.contains { $0.id == "halve-frame-rate" && $0.message.contains("frame divisor 2") })
        #expect(Recommendation.suggestedScale(current: 1, load: 5.4) == Recommendation.minimumScale)
    }

    @Test func cpuBoundSaysRenderScaleWillNotHelp() throws {
        let recs = recommendations(SyntheticFrames.make(count: 600, cpuMs: { _ in 10.9 }, gpuMs: { _ in 4 }))
        let cpu = try #require(recs.first { $0.id == "cpu-bound" })
        #expect(cpu.message.contains("Render scale will not help"))
        let over = recommendations(SyntheticFrames.make(count: 600, cpuMs: { _ in 14 }, late: { _ in true }))
        #expect(over.contains { $0.id == "halve-frame-rate" })
    }

    @Test func runtimeBound() {
        let recs = recommendations(SyntheticFrames.make(count: 600, late: { $0 % 10 == 0 }))
        #expect(recs.contains { $0.id == "runtime-bound" })
    }

    @Test func headroomRaisesRenderScale() throws {
        // GPU 4 ms of 11.1: load 0.36, sqrt(0.85 / 0.36) = 1.54.
        let recs = recommendations(SyntheticFrames.make(count: 600, gpuMs: { _ in 4 }))
        let raise = try #require(recs.first { $0.id == "raise-render-scale" })
        #expect(raise.message.contains("~1.54"))
        #expect(!recs.contains { $0.id == "short-recording" })
    }

    @Test func comfortableButNotIdleSaysNothing() {
        #expect(recommendations(SyntheticFrames.make(count: 600, gpuMs: { _ in 8 })).isEmpty)
    }

    @Test func dataProblems() {
        let recs = recommendations(SyntheticFrames.make(count: 50, gpuMs: { _ in nil }))
        #expect(recs.contains { $0.id == "short-recording" })
        #expect(recs.contains { $0.id == "no-gpu-timing" })
        let s = FrameStatistics(frames: SyntheticFrames.make(count: 600))!
        #expect(Recommendation.make(statistics: s, knobs: KnobUsage(frames: []), droppedFrames: 7)
            .contains { $0.id == "dropped-frames" && $0.message.hasPrefix("7 frames") })
    }

    @Test func reportUsesTheLastKnobSetting() throws {
        // GPU-bound at scale 1, fine at 0.8 after the change.
        let frames = SyntheticFrames.make(count: 1000, gpuMs: { $0 < 500 ? 11 : 7.5 }, late: { $0 < 500 && $0 % 3 == 0 },
                                          scale: { $0 < 500 ? 1 : 0.8 })
        let report = try #require(RecordingReport(file: "x", session: nil, complete: true, declaredFrames: 1000,
                                                  droppedFrames: 0, warnings: [], frames: frames))
        #expect(report.statistics.bottleneck == .gpu)
        #expect(report.lastSettingStatistics?.frames == 500)
        #expect(report.recommendations.first?.id == "last-setting")
        #expect(!report.recommendations.contains { $0.id == "lower-render-scale" })
    }
}
