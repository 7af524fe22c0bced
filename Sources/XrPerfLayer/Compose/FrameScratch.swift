import COpenXR

/// Where the composer copies a frame it rewrites: the layer list the
/// runtime gets, copies of the layers it changes and of their views, and
/// what the step's check found per view. Allocated once per session: the
/// frame path allocates nothing. Used only inside xrEndFrame, which the
/// spec serialises per session.
final class FrameScratch: @unchecked Sendable {  // xrEndFrame is externally synchronised per session
    static let maximumLayers = 16
    /// Views of one projection layer (quad views: 4).
    static let viewsPerLayer = 4
    static let maximumViews = maximumLayers * viewsPerLayer

    let layerPointers: UnsafeMutablePointer<UnsafePointer<XrCompositionLayerBaseHeader>?>
    let projections: UnsafeMutablePointer<XrCompositionLayerProjection>
    let views: UnsafeMutablePointer<XrCompositionLayerProjectionView>
    /// Copies of single-image layers (quad, cylinder, equirect...), one
    /// `SingleImageLayer.maximumSize` slot per layer.
    let singleImageLayers: UnsafeMutableRawPointer
    /// What the check found per layer and view (`viewsPerLayer` slots a
    /// layer), used by the rewrite that follows it.
    let found: UnsafeMutablePointer<FoundSubImage>

    init() {
        layerPointers = .allocate(capacity: Self.maximumLayers)
        layerPointers.initialize(repeating: nil, count: Self.maximumLayers)
        projections = .allocate(capacity: Self.maximumLayers)
        projections.initialize(repeating: XrCompositionLayerProjection(), count: Self.maximumLayers)
        views = .allocate(capacity: Self.maximumViews)
        views.initialize(repeating: XrCompositionLayerProjectionView(), count: Self.maximumViews)
        singleImageLayers = .allocate(byteCount: Self.maximumLayers * SingleImageLayer.maximumSize, alignment: 16)
        found = .allocate(capacity: Self.maximumViews)
        found.initialize(repeating: FoundSubImage(), count: Self.maximumViews)
    }

    /// The check's slots of layer `index`.
    func found(layer index: Int) -> UnsafeMutablePointer<FoundSubImage> { found + index * Self.viewsPerLayer }

    deinit {
        layerPointers.deallocate()
        projections.deallocate()
        views.deallocate()
        singleImageLayers.deallocate()
        found.deallocate()
    }
}
