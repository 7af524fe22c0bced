import COpenXR

/// xrGetRecommendedLayerResolutionMETA, answered by the layer: the size of
/// the layer's views times the controller's render scale. `isValid` is true
/// only once the controller has measured the app (before that the scale is
/// a guess) and only for projection layers, the ones the layer upscales.
/// The full-size extents the app shows here are what its smaller rects are
/// upscaled back to in xrEndFrame.
func layerGetRecommendedLayerResolutionMETA(
    _ session: XrSession?, _ info: UnsafePointer<XrRecommendedLayerResolutionGetInfoMETA>?,
    _ resolution: UnsafeMutablePointer<XrRecommendedLayerResolutionMETA>?
) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard state.instance.layerExtensions.contains(LayerExtensions.recommendedLayerResolution) else {
        return XR_ERROR_FUNCTION_UNSUPPORTED
    }
    guard let info, info.pointee.type == XR_TYPE_RECOMMENDED_LAYER_RESOLUTION_GET_INFO_META,
          let resolution, resolution.pointee.type == XR_TYPE_RECOMMENDED_LAYER_RESOLUTION_META,
          let layer = info.pointee.layer
    else { return XR_ERROR_VALIDATION_FAILURE }
    guard info.pointee.predictedDisplayTime > 0 else { return XR_ERROR_TIME_INVALID }

    resolution.pointee.isValid = XrBool32(XR_FALSE)
    resolution.pointee.recommendedImageDimensions = XrExtent2Di(width: 0, height: 0)
    guard layer.pointee.type == XR_TYPE_COMPOSITION_LAYER_PROJECTION else { return XR_SUCCESS }
    let projection = UnsafeRawPointer(layer).assumingMemoryBound(to: XrCompositionLayerProjection.self).pointee
    guard projection.viewCount > 0, let views = projection.views else { return XR_ERROR_VALIDATION_FAILURE }
    let full = views[0].subImage.imageRect.extent
    guard full.width > 0, full.height > 0 else { return XR_ERROR_VALIDATION_FAILURE }

    if let upscale = state.upscale, upscale.dynamic {
        upscale.fullExtents.withLock { extents in
            for view in 0..<min(Int(projection.viewCount), FullExtents.capacity) {
                let extent = views[view].subImage.imageRect.extent
                extents[view] = (extent.width, extent.height)
            }
        }
    }
    // The render scale is the knob applied here: the app renders the rect
    // it is told.
    let decision = state.controller?.decision
    let scale = state.controller?.drivesRenderScale == true ? decision?.settings.renderScale ?? 1 : 1
    resolution.pointee.recommendedImageDimensions = XrExtent2Di(
        width: max(1, Int32((Double(full.width) * scale).rounded())),
        height: max(1, Int32((Double(full.height) * scale).rounded())))
    let valid = decision?.measured == true && state.upscale?.dynamic == true
    resolution.pointee.isValid = XrBool32(valid ? XR_TRUE : XR_FALSE)
    return XR_SUCCESS
}
