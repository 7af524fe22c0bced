import COpenXR

/// A quad session without the layer's Vulkan pass (not a Vulkan session,
/// XRPERF_UPSCALE=0, a pass that could not be built): each quad projection
/// layer goes down with its two peripheral views only, which the runtime
/// scales to the display, so the app keeps running at lower detail instead
/// of failing. The scratch is the session's, allocated once.
func peripheryOnlyFrame(_ foveation: SessionFoveation, _ info: XrFrameEndInfo) -> FrameUpscaleOutcome {
    guard let layers = info.layers else { return .unchanged }
    let layerCount = Int(info.layerCount)
    guard layerCount <= SessionFoveation.maximumLayers else { return .invalid(XR_ERROR_LIMIT_REACHED) }
    for index in 0..<layerCount {
        foveation.layerPointers[index] = layers[index]
        guard let header = layers[index], header.pointee.type == XR_TYPE_COMPOSITION_LAYER_PROJECTION else { continue }
        let layer = UnsafeRawPointer(header).assumingMemoryBound(to: XrCompositionLayerProjection.self).pointee
        guard layer.viewCount == UInt32(SessionFoveation.quadViewCount) else { return .invalid(XR_ERROR_VALIDATION_FAILURE) }
        foveation.projections[index] = layer
        foveation.projections[index].viewCount = 2
        foveation.layerPointers[index] = UnsafeRawPointer(foveation.projections + index)
            .assumingMemoryBound(to: XrCompositionLayerBaseHeader.self)
    }
    var rewritten = info
    rewritten.layers = UnsafePointer(foveation.layerPointers)
    return .rewritten(rewritten)
}
