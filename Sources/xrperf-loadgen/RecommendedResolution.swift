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

    /// Whether the instance can enable the extension (a runtime or an
    /// enabled API layer offers it).
    static func isOffered() -> Bool {
        var count: UInt32 = 0
        guard xrEnumerateInstanceExtensionProperties(nil, 0, &count, nil) == XR_SUCCESS, count > 0 else { return false }
        var properties = [XrExtensionProperties](repeating: XrExtensionProperties(), count: Int(count))
        for index in properties.indices { properties[index].type = XR_TYPE_EXTENSION_PROPERTIES }
        guard xrEnumerateInstanceExtensionProperties(nil, count, &count, &properties) == XR_SUCCESS else { return false }
        return properties.prefix(Int(count)).contains { stringFromCString($0.extensionName) == extensionName }
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
