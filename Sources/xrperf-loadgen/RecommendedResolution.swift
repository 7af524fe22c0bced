import COpenXR

/// XR_META_recommended_layer_resolution as an app uses it: before rendering
/// each frame, ask what size the projection layer's views should be, and
/// render that (--dynamic-resolution). xrperf implements the extension in
/// its layer and answers with its controller's render scale.
struct RecommendedResolution {
    static let extensionName = XR_META_RECOMMENDED_LAYER_RESOLUTION_EXTENSION_NAME

    private let getResolution: PFN_xrGetRecommendedLayerResolutionMETA

    init(connection: XrConnection) throws(LoadgenError) {
        getResolution = try connection.function("xrGetRecommendedLayerResolutionMETA",
                                                as: PFN_xrGetRecommendedLayerResolutionMETA.self)
    }

    /// The recommended view size for `layer` (holding the full-size rects),
    /// or nil while the answer is not valid yet.
    func recommended(session: XrSession, layer: UnsafePointer<XrCompositionLayerProjection>,
                     displayTime: XrTime) -> XrExtent2Di? {
        var info = XrRecommendedLayerResolutionGetInfoMETA()
        info.type = XR_TYPE_RECOMMENDED_LAYER_RESOLUTION_GET_INFO_META
        info.layer = UnsafeRawPointer(layer).assumingMemoryBound(to: XrCompositionLayerBaseHeader.self)
        info.predictedDisplayTime = displayTime
        var resolution = XrRecommendedLayerResolutionMETA()
        resolution.type = XR_TYPE_RECOMMENDED_LAYER_RESOLUTION_META
        guard getResolution(session, &info, &resolution) == XR_SUCCESS, resolution.isValid != 0 else { return nil }
        return resolution.recommendedImageDimensions
    }
}
