import COpenXR
import Synchronization
import XrPerfCore
import XrPerfVulkan

/// The step of a quad session with the layer's pass: each quad projection
/// layer is composited into the two views the runtime takes, each eye's
/// peripheral view upscaled into its runtime image and its focus view drawn
/// over it where its frustum lands, blended across the configured band.
/// Single-image layers are upscaled as in any session (UpscaleViews).
final class QuadViewsComposite: ViewStep, Sendable {
    private let upscaleViews: UpscaleViews
    private let foveation: SessionFoveation

    init(_ upscaleViews: UpscaleViews, _ foveation: SessionFoveation) {
        self.upscaleViews = upscaleViews
        self.foveation = foveation
    }

    var tooManyLayers: ComposedFrame { .unchanged }
    /// A quad layer cannot go down as the app made it (the runtime takes stereo).
    var afterFailure: FrameFallback { .withoutLayers }

    func check(_ frame: FrameLayers, _ scratch: FrameScratch) -> FramePlan {
        upscaleViews.check(frame, scratch, quad: true)
    }

    func begin(_ knobs: KnobSettings?) -> Bool { upscaleViews.begin(knobs) }
    func end() -> Bool { upscaleViews.end() }

    func rewritesSingleImage(at index: Int, _ scratch: FrameScratch) -> Bool {
        upscaleViews.rewritesSingleImage(at: index, scratch)
    }

    func rewriteSubImage(_ subImage: inout XrSwapchainSubImage, at index: Int, _ scratch: FrameScratch) -> Bool {
        upscaleViews.rewriteSubImage(&subImage, at: index, scratch)
    }

    func keepsAfterFailure(_ header: UnsafePointer<XrCompositionLayerBaseHeader>?, at index: Int,
                           _ scratch: FrameScratch) -> Bool {
        upscaleViews.keeps(header, at: index, scratch, quad: true)
    }

    /// Views 0 and 1 of `copies` become the layer's views. Nil when a
    /// runtime image could not be had.
    func rewriteViews(of layer: XrCompositionLayerProjection, at index: Int,
                      into copies: UnsafeMutablePointer<XrCompositionLayerProjectionView>, _ scratch: FrameScratch) -> Int? {
        guard let views = layer.views else { return nil }
        let slots = scratch.found(layer: index)
        let upscale = upscaleViews.upscale
        for eye in 0..<2 {
            copies[eye] = views[eye]
            let periphery = slots[eye]
            // A periphery the layer does not own goes down as it is: the runtime
            // scales it, and the focus cannot be drawn into it.
            guard periphery.state != nil else {
                noteOnce("a peripheral view shows a swapchain the layer could not take over (its log says why); its focus view is not composited")
                continue
            }
            guard upscaleViews.upscale(&copies[eye].subImage, periphery, fullExtent: nil) else { return nil }
            dropDepth(from: &copies[eye])
            let focus = slots[2 + eye]
            guard let focusImages = focus.state?.takeUnretainedValue().substitution?.images,
                  let target = periphery.state?.takeUnretainedValue().substitution,
                  let runtimeImage = target.runtimeImageThisFrame else {
                noteOnce("a focus view shows a swapchain the layer could not take over (its log says why); only the periphery is shown there")
                continue
            }
            let eyeRect = PixelRect(copies[eye].subImage.imageRect)
            guard let placed = FocusPlacementInImage(eye: tangentFov(views[eye].fov), focus: tangentFov(views[2 + eye].fov),
                                                     target: eyeRect) else { continue }
            upscale.context.inset(
                focusImages, appImage: Int(focus.appImage), sourceLayer: views[2 + eye].subImage.imageArrayIndex,
                source: PixelRect(views[2 + eye].subImage.imageRect), over: target.images, runtimeImage: Int(runtimeImage),
                targetLayer: copies[eye].subImage.imageArrayIndex,
                rect: InsetRect(x0: Float(placed.x0), y0: Float(placed.y0), x1: Float(placed.x1), y1: Float(placed.y1)),
                clip: eyeRect, blendWidth: Float(placed.blendWidth(share: foveation.settings.edgeSmoothing)),
                sharpness: foveation.settings.sharpness)
        }
        return 2
    }

    private func noteOnce(_ message: String) {
        if !foveation.focusSkippedLogged.exchange(true, ordering: .relaxed) { logWarn("quad views: \(message)") }
    }
}
