import COpenXR
import XrPerfCore
import Synchronization
import XrPerfVulkan

/// One quad projection layer composited into the two views the runtime
/// takes: each eye's peripheral view upscaled into its runtime image, then
/// its focus view drawn over it where its frustum lands, blended across the
/// configured band. Views 0 and 1 of `copies` become the layer's views.
/// False when a runtime image could not be had (the frame then goes on
/// without upscaling, as for any view).
func compositeQuadViews(
    _ views: UnsafePointer<XrCompositionLayerProjectionView>, into copies: UnsafeMutablePointer<XrCompositionLayerProjectionView>,
    layer index: Int, _ foveation: SessionFoveation, _ upscale: SessionUpscale, _ acquiredCount: inout Int,
    filter: ProfileSettings.UpscaleFilter
) -> Bool {
    let slots = upscale.found + index * SessionUpscale.viewsPerLayer
    for eye in 0..<2 {
        copies[eye] = views[eye]
        let periphery = slots[eye]
        // A periphery the layer does not own goes down as it is: the runtime
        // scales it, and the focus cannot be drawn into it.
        guard periphery.state != nil else {
            noteOnce(foveation.focusSkippedLogged, "a peripheral view shows a swapchain the layer could not take over (its log says why); its focus view is not composited")
            continue
        }
        guard upscaleSubImage(&copies[eye].subImage, periphery, upscale, &acquiredCount, fullExtent: nil, filter: filter) else { return false }
        dropDepth(from: &copies[eye])
        let focus = slots[2 + eye]
        guard let focusImages = focus.state?.takeUnretainedValue().substitution?.images,
              let target = periphery.state?.takeUnretainedValue().substitution,
              let runtimeImage = target.runtimeImageThisFrame else {
            noteOnce(foveation.focusSkippedLogged, "a focus view shows a swapchain the layer could not take over (its log says why); only the periphery is shown there")
            continue
        }
        let eyeRect = pixelRect(copies[eye].subImage.imageRect)
        guard let placed = FocusPlacementInImage(eye: tangentFov(views[eye].fov), focus: tangentFov(views[2 + eye].fov),
                                                 target: eyeRect) else { continue }
        upscale.context.inset(
            focusImages, appImage: Int(focus.appImage), sourceLayer: views[2 + eye].subImage.imageArrayIndex,
            source: pixelRect(views[2 + eye].subImage.imageRect), over: target.images, runtimeImage: Int(runtimeImage),
            targetLayer: copies[eye].subImage.imageArrayIndex,
            rect: InsetRect(x0: Float(placed.x0), y0: Float(placed.y0), x1: Float(placed.x1), y1: Float(placed.y1)),
            clip: eyeRect, blendWidth: Float(placed.blendWidth(share: foveation.settings.edgeSmoothing)),
            sharpness: foveation.settings.sharpness)
    }
    return true
}

private func pixelRect(_ rect: XrRect2Di) -> PixelRect {
    PixelRect(x: rect.offset.x, y: rect.offset.y, width: rect.extent.width, height: rect.extent.height)
}

private func noteOnce(_ flag: borrowing Atomic<Bool>, _ message: String) {
    if !flag.exchange(true, ordering: .relaxed) { logWarn("quad views: \(message)") }
}
