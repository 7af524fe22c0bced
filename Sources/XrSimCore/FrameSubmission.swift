/// An XrRect2Di.
public struct ImageRect: Equatable, Sendable {
    public var x, y, width, height: Int32
    public init(x: Int32, y: Int32, width: Int32, height: Int32) { (self.x, self.y, self.width, self.height) = (x, y, width, height) }
}

/// An XrSwapchainSubImage: which part of which swapchain a layer shows.
public struct SubImage: Equatable, Sendable {
    public var swapchain: UInt64
    public var rect: ImageRect
    public var arrayIndex: UInt32
    public init(swapchain: UInt64, rect: ImageRect, arrayIndex: UInt32) { (self.swapchain, self.rect, self.arrayIndex) = (swapchain, rect, arrayIndex) }
}

/// XrCompositionLayerDepthInfoKHR, chained to a projection view.
public struct DepthInfo: Equatable, Sendable {
    public var subImage: SubImage
    public var minDepth, maxDepth, nearZ, farZ: Float
    public init(subImage: SubImage, minDepth: Float, maxDepth: Float, nearZ: Float, farZ: Float) {
        (self.subImage, self.minDepth, self.maxDepth, self.nearZ, self.farZ) = (subImage, minDepth, maxDepth, nearZ, farZ)
    }
}

public struct ProjectionView: Equatable, Sendable {
    /// Whether the element's `type` was XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW.
    public var hasValidType = true
    public var pose: Pose
    public var subImage: SubImage
    public var depth: DepthInfo?
    public init(hasValidType: Bool = true, pose: Pose, subImage: SubImage, depth: DepthInfo? = nil) {
        (self.hasValidType, self.pose, self.subImage, self.depth) = (hasValidType, pose, subImage, depth)
    }
}

/// One entry of XrFrameEndInfo::layers, as plain values.
public enum SubmittedLayer: Equatable, Sendable {
    /// A null pointer in the layer array.
    case null
    /// A layer type XrSim does not composite (or an unenabled extension's).
    case unsupported(type: Int32)
    case projection(space: UInt64, flags: UInt64, views: [ProjectionView]?)
    case quad(space: UInt64, flags: UInt64, eyeVisibility: Int32, pose: Pose, subImage: SubImage)
    /// A cylinder, equirect or equirect2 layer (XR_KHR_composition_layer_*):
    /// one sub-image on a curved surface, checked as a quad's is. Only read
    /// when the app enabled the layer's extension; otherwise `.unsupported`.
    case curved(space: UInt64, flags: UInt64, eyeVisibility: Int32, pose: Pose, subImage: SubImage)
}

/// What the submission validator needs to know of a swapchain.
public struct SwapchainFacts: Equatable, Sendable {
    public var width, height, arraySize: UInt32
    public var hasReleasedImage: Bool
    public init(width: UInt32, height: UInt32, arraySize: UInt32, hasReleasedImage: Bool) {
        (self.width, self.height, self.arraySize, self.hasReleasedImage) = (width, height, arraySize, hasReleasedImage)
    }
}

public struct SubmittedFrame: Equatable, Sendable {
    public var displayTime: Int64
    public var blendMode: Int32
    public var layers: [SubmittedLayer]
    public init(displayTime: Int64, blendMode: Int32, layers: [SubmittedLayer]) { (self.displayTime, self.blendMode, self.layers) = (displayTime, blendMode, layers) }
}

/// The limits and lookups a frame is checked against.
public struct SubmissionRules: Sendable {
    public var supportedBlendModes: Set<Int32>
    public var maxLayerCount: Int
    /// Projection layers have exactly the views of the session's view configuration.
    public var viewCount: Int
    /// XrCompositionLayerFlags bits defined by the 1.0 headers.
    public var knownLayerFlags: UInt64 = 0x7
    /// The session's live spaces.
    public var spaces: Set<UInt64>
    /// The session's live swapchains.
    public var swapchains: [UInt64: SwapchainFacts]

    public init(supportedBlendModes: Set<Int32>, maxLayerCount: Int, viewCount: Int,
                spaces: Set<UInt64>, swapchains: [UInt64: SwapchainFacts]) {
        self.supportedBlendModes = supportedBlendModes
        self.maxLayerCount = maxLayerCount
        self.viewCount = viewCount
        self.spaces = spaces
        self.swapchains = swapchains
    }

    /// xrEndFrame's checks (spec 10.5 and 10.6), first failure wins.
    public func validate(_ frame: SubmittedFrame) throws(XrSimError) {
        guard frame.displayTime > 0 else { throw .timeInvalid }
        guard supportedBlendModes.contains(frame.blendMode) else { throw .environmentBlendModeUnsupported }
        guard frame.layers.count <= maxLayerCount else { throw .layerLimitExceeded }
        for layer in frame.layers { try validate(layer) }
    }

    private func validate(_ layer: SubmittedLayer) throws(XrSimError) {
        switch layer {
        case .null, .unsupported:
            throw .layerInvalid
        case let .projection(space, flags, views):
            try checkCommon(space: space, flags: flags)
            guard let views, views.count == viewCount else { throw .validationFailure }
            for view in views {
                guard view.hasValidType else { throw .validationFailure }
                guard view.pose.orientation.isNormalized else { throw .poseInvalid }
                try check(view.subImage)
                if let depth = view.depth {
                    try check(depth.subImage)
                    guard (0...1).contains(depth.minDepth), (0...1).contains(depth.maxDepth), depth.minDepth < depth.maxDepth,
                        depth.nearZ != depth.farZ
                    else { throw .validationFailure }
                }
            }
        case let .quad(space, flags, eyeVisibility, pose, subImage),
             let .curved(space, flags, eyeVisibility, pose, subImage):
            try checkCommon(space: space, flags: flags)
            guard (0...2).contains(eyeVisibility) else { throw .validationFailure }
            guard pose.orientation.isNormalized else { throw .poseInvalid }
            try check(subImage)
        }
    }

    private func checkCommon(space: UInt64, flags: UInt64) throws(XrSimError) {
        guard flags & ~knownLayerFlags == 0 else { throw .validationFailure }
        guard spaces.contains(space) else { throw .handleInvalid }
    }

    private func check(_ sub: SubImage) throws(XrSimError) {
        guard let facts = swapchains[sub.swapchain] else { throw .handleInvalid }
        // Spec 10.6.1: the swapchain must have a released image to display.
        guard facts.hasReleasedImage else { throw .layerInvalid }
        let r = sub.rect
        guard r.x >= 0, r.y >= 0, r.width > 0, r.height > 0,
            Int64(r.x) + Int64(r.width) <= Int64(facts.width),
            Int64(r.y) + Int64(r.height) <= Int64(facts.height)
        else { throw .swapchainRectInvalid }
        guard sub.arrayIndex < facts.arraySize else { throw .validationFailure }
    }
}
