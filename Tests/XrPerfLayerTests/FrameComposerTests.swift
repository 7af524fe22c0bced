import COpenXR
import Testing
import XrPerfCore
@testable import XrPerfLayer

/// The composer's loop, fallbacks and scratch with a scripted step: what a
/// frame becomes depends on the step's answers only, and the app's own
/// structures are never written.
@Suite struct FrameComposerTests {
    /// Answers as scripted and notes what it was asked.
    final class ScriptedStep: ViewStep, @unchecked Sendable {
        var plan = FramePlan.rewrite
        var begins = true
        var ends = true
        var failingLayer: Int?
        var viewsKept = 2
        var singleImages: Set<Int> = []
        var afterFailure = FrameFallback.unchanged
        var tooManyLayers = ComposedFrame.unchanged
        var keptAfterFailure: Set<Int> = []
        var calls: [String] = []

        func check(_ frame: FrameLayers, _ scratch: FrameScratch) -> FramePlan {
            calls.append("check \(frame.count)")
            return plan
        }

        func begin(_ knobs: KnobSettings?) -> Bool {
            calls.append("begin")
            return begins
        }

        func rewriteViews(of layer: XrCompositionLayerProjection, at index: Int,
                          into copies: UnsafeMutablePointer<XrCompositionLayerProjectionView>,
                          _ scratch: FrameScratch) -> Int? {
            calls.append("views \(index)")
            guard index != failingLayer, let views = layer.views else { return nil }
            for view in 0..<Int(layer.viewCount) {
                copies[view] = views[view]
                copies[view].subImage.imageRect.extent.width *= 2
            }
            return viewsKept
        }

        func rewritesSingleImage(at index: Int, _ scratch: FrameScratch) -> Bool { singleImages.contains(index) }

        func rewriteSubImage(_ subImage: inout XrSwapchainSubImage, at index: Int, _ scratch: FrameScratch) -> Bool {
            calls.append("subimage \(index)")
            subImage.imageArrayIndex = 7
            return index != failingLayer
        }

        func end() -> Bool {
            calls.append("end")
            return ends
        }

        func keepsAfterFailure(_ header: UnsafePointer<XrCompositionLayerBaseHeader>?, at index: Int,
                               _ scratch: FrameScratch) -> Bool {
            keptAfterFailure.contains(index)
        }
    }

    /// A frame of a four-view projection layer, a quad layer and a second
    /// projection layer, in memory the test owns.
    final class AppFrame {
        var views = [XrCompositionLayerProjectionView](repeating: XrCompositionLayerProjectionView(), count: 8)
        var projections = [XrCompositionLayerProjection](repeating: XrCompositionLayerProjection(), count: 2)
        var quad = XrCompositionLayerQuad()
        var pointers: [UnsafePointer<XrCompositionLayerBaseHeader>?] = []

        init() {
            for index in views.indices {
                views[index].type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW
                views[index].subImage.imageRect.extent = XrExtent2Di(width: Int32(100 + index), height: 50)
            }
            quad.type = XR_TYPE_COMPOSITION_LAYER_QUAD
            quad.subImage.imageArrayIndex = 0
        }

        /// Calls `body` with the frame's end info; the pointers are valid inside it.
        func withInfo<Result>(_ body: (XrFrameEndInfo) -> Result) -> Result {
            views.withUnsafeBufferPointer { views in
                projections[0].type = XR_TYPE_COMPOSITION_LAYER_PROJECTION
                projections[0].viewCount = 4
                projections[0].views = views.baseAddress
                projections[1].type = XR_TYPE_COMPOSITION_LAYER_PROJECTION
                projections[1].viewCount = 4
                projections[1].views = views.baseAddress! + 4
                return projections.withUnsafeBufferPointer { projections in
                    withUnsafePointer(to: &quad) { quad in
                        let headers: [UnsafePointer<XrCompositionLayerBaseHeader>?] = [
                            UnsafeRawPointer(projections.baseAddress!).assumingMemoryBound(to: XrCompositionLayerBaseHeader.self),
                            UnsafeRawPointer(quad).assumingMemoryBound(to: XrCompositionLayerBaseHeader.self),
                            UnsafeRawPointer(projections.baseAddress! + 1).assumingMemoryBound(to: XrCompositionLayerBaseHeader.self),
                        ]
                        return headers.withUnsafeBufferPointer { pointers in
                            var info = XrFrameEndInfo()
                            info.type = XR_TYPE_FRAME_END_INFO
                            info.layerCount = UInt32(pointers.count)
                            info.layers = pointers.baseAddress
                            return body(info)
                        }
                    }
                }
            }
        }
    }

    @Test func projectionViewsAreRewrittenIntoTheScratchAndTheAppsAreLeftAlone() throws {
        let step = ScriptedStep()
        let composer = FrameComposer(everyFrame: step)
        let frame = AppFrame()
        let checked = frame.withInfo { info -> Bool in
            guard case .rewritten(let out) = composer.compose(info), let layers = out.layers else { return false }
            #expect(out.layerCount == 3)
            for index in [0, 2] {
                let layer = UnsafeRawPointer(layers[index]!).assumingMemoryBound(to: XrCompositionLayerProjection.self).pointee
                #expect(layers[index] != info.layers![index], "layer \(index) was not copied")
                #expect(layer.viewCount == 2)
                #expect(layer.views?[0].subImage.imageRect.extent.width == Int32(2 * (100 + 4 * (index / 2))))
            }
            // Not a layer the step rewrites: passed on as the app made it.
            #expect(layers[1] == info.layers![1])
            return true
        }
        #expect(checked, "the frame was not rewritten")
        #expect(frame.views[0].subImage.imageRect.extent.width == 100, "the app's view was written")
        #expect(step.calls == ["check 3", "begin", "views 0", "views 2", "end"])
    }

    @Test func aSingleImageLayerIsCopiedOnlyWhenTheStepRewritesIt() {
        let step = ScriptedStep()
        step.singleImages = [1]
        let composer = FrameComposer(everyFrame: step)
        let frame = AppFrame()
        frame.withInfo { info in
            guard case .rewritten(let out) = composer.compose(info), let layers = out.layers, let copy = layers[1] else {
                Issue.record("the frame was not rewritten")
                return
            }
            #expect(copy != info.layers![1])
            let quad = UnsafeRawPointer(copy).assumingMemoryBound(to: XrCompositionLayerQuad.self).pointee
            #expect(quad.type == XR_TYPE_COMPOSITION_LAYER_QUAD && quad.subImage.imageArrayIndex == 7)
        }
        #expect(frame.quad.subImage.imageArrayIndex == 0, "the app's quad layer was written")
    }

    @Test func aFrameTheRuntimeWouldRefuseIsRefusedBeforeAnyWork() {
        let step = ScriptedStep()
        step.plan = .invalid(XR_ERROR_LAYER_INVALID)
        let composer = FrameComposer(everyFrame: step)
        AppFrame().withInfo { info in
            guard case .invalid(let result) = composer.compose(info) else {
                Issue.record("not refused")
                return
            }
            #expect(result == XR_ERROR_LAYER_INVALID)
        }
        #expect(step.calls == ["check 3"])
    }

    @Test(arguments: ["begin", "layer", "end"])
    func aFailedFrameGoesOnAsTheStepSays(_ failing: String) {
        for fallback in [FrameFallback.unchanged, .withoutLayers] {
            let step = ScriptedStep()
            step.begins = failing != "begin"
            step.ends = failing != "end"
            step.failingLayer = failing == "layer" ? 0 : nil
            step.afterFailure = fallback
            step.keptAfterFailure = [1]
            let composer = FrameComposer(everyFrame: step)
            AppFrame().withInfo { info in
                switch (composer.compose(info), fallback) {
                case (.unchanged, .unchanged): break
                case (.rewritten(let out), .withoutLayers):
                    #expect(out.layerCount == 1 && out.layers?[0] == info.layers![1], "not only the kept layer")
                default: Issue.record("\(failing): the frame did not go on as \(fallback)")
                }
            }
            // The frame's work is always ended once begun, whatever failed.
            #expect(step.calls.contains("end") == (failing != "begin"))
        }
    }

    @Test func aStepThatFailedEarlierDropsTheLayersItCannotKeep() {
        let step = ScriptedStep()
        step.plan = .withoutLayers
        step.keptAfterFailure = [0, 2]
        let composer = FrameComposer(everyFrame: step)
        AppFrame().withInfo { info in
            guard case .rewritten(let out) = composer.compose(info) else {
                Issue.record("not rewritten")
                return
            }
            #expect(out.layerCount == 2 && out.layers?[0] == info.layers![0] && out.layers?[1] == info.layers![2])
        }
        #expect(step.calls == ["check 3"])
    }

    @Test func moreLayersThanTheScratchHoldsGetTheStepsAnswer() {
        let step = ScriptedStep()
        step.tooManyLayers = .invalid(XR_ERROR_LIMIT_REACHED)
        let composer = FrameComposer(everyFrame: step)
        let headers = [UnsafePointer<XrCompositionLayerBaseHeader>?](repeating: nil, count: FrameScratch.maximumLayers + 1)
        headers.withUnsafeBufferPointer { pointers in
            var info = XrFrameEndInfo()
            info.layerCount = UInt32(pointers.count)
            info.layers = pointers.baseAddress
            guard case .invalid(let result) = composer.compose(info) else {
                Issue.record("not refused")
                return
            }
            #expect(result == XR_ERROR_LIMIT_REACHED)
        }
        #expect(step.calls.isEmpty)
    }
}
