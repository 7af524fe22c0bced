import Testing
import XrPerfCore
@testable import XrPerfLayer

/// The session's controller as the frame hooks use it: frames go in once,
/// through `post`; one decision per xrWaitFrame comes out, and the latest is
/// what the knobs applied elsewhere read.
@Suite struct SessionControllerTests {
    static let periodNs: Int64 = 11_111_111

    /// A finished frame at the decided knobs, taking `gpuMs` of app GPU time
    /// and `passMs` of the layer's pass.
    static func frame(_ index: UInt64, gpuMs: Double, passMs: Double? = nil, knobs: KnobSettings) -> FrameRecord {
        var frame = FrameRecord(frameIndex: index, predictedDisplayTime: Int64(index + 1) * periodNs,
                                displayPeriodNs: periodNs, knobs: knobs)
        frame.appGpuNs = Int64(gpuMs * 1e6)
        frame.appCpuNs = 2_000_000
        frame.layerGpuNs = passMs.map { Int64($0 * 1e6) }
        return frame
    }

    @Test func theLatestDecisionIsTheOneReturnedToTheWait() {
        let controller = SessionController(settings: ProfileSettings(), drivesRenderScale: true)
        let first = controller.decideNextFrame()
        #expect(controller.decision == first)
        #expect(!first.measured, "a decision before any frame cannot be measured")
        for index in 0..<60 {
            let decision = controller.decideNextFrame()
            var knobs = KnobSettings(renderScale: Float(decision.settings.renderScale))
            knobs.frameDivisor = UInt32(decision.settings.frameDivisor)
            controller.post(Self.frame(UInt64(index), gpuMs: 30, knobs: knobs))
        }
        let loaded = controller.decideNextFrame()
        #expect(controller.decision == loaded)
        #expect(loaded.measured)
        #expect(loaded.settings.renderScale < first.settings.renderScale,
                "30 ms of GPU time in an 11 ms period kept scale \(loaded.settings.renderScale)")
        #expect(loaded.targetMs > 0 && loaded.forecastGpuMs > 0)
    }

    /// The pass's time arrives with the posted frame and nowhere else: the
    /// same app GPU time forecasts more with a pass beside it.
    @Test func thePassTimeComesInWithThePostedFrames() {
        func forecast(passMs: Double?) -> Double {
            let controller = SessionController(settings: ProfileSettings(), drivesRenderScale: false, passKnob: true)
            for index in 0..<40 {
                _ = controller.decideNextFrame()
                controller.post(Self.frame(UInt64(index), gpuMs: 4, passMs: passMs,
                                           knobs: KnobSettings(passFilter: .edge)))
            }
            return controller.decideNextFrame().forecastGpuMs
        }
        let without = forecast(passMs: nil)
        let with = forecast(passMs: 3)
        #expect(with > without + 2, "forecast \(without) ms without the pass, \(with) ms with 3 ms of it")
    }
}
