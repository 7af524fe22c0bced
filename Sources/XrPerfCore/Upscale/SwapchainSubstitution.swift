/// Whether the layer gives the app its own images for a swapchain (and
/// upscales them into the runtime's), decided from what xrCreateSwapchain
/// asks for. The layer cannot know at creation which composition layer the
/// swapchain will feed, so it goes by size: a swapchain at least the scaled
/// recommended size of a view is taken as an eye buffer. One that ends up in
/// a quad layer is still shown right, at the runtime size (docs/upscaling.md).
public enum SwapchainSubstitution: Sendable, Equatable {
    case substitute(UpscaleFormat)
    case passThrough(reason: String)
    /// An eye buffer the pass cannot write: worth telling the user, since the
    /// app then shows its smaller image, scaled by the runtime.
    case unsupportedFormat(Int64)

    /// The XrSwapchainCreateInfo fields the decision reads.
    public struct Request: Sendable {
        public var format: Int64
        public var usageFlags: UInt64
        public var createFlags: UInt64
        public var sampleCount: UInt32
        public var width: UInt32
        public var height: UInt32
        public var faceCount: UInt32

        public init(format: Int64, usageFlags: UInt64, createFlags: UInt64, sampleCount: UInt32,
                    width: UInt32, height: UInt32, faceCount: UInt32) {
            self.format = format
            self.usageFlags = usageFlags
            self.createFlags = createFlags
            self.sampleCount = sampleCount
            self.width = width
            self.height = height
            self.faceCount = faceCount
        }
    }

    /// XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT.
    static let depthUsage: UInt64 = 0x2
    /// XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT: written once, a quad's picture.
    static let staticImage: UInt64 = 0x2

    /// `smallestEyeWidth/Height`: the smallest scaled recommended view size
    /// the app was told. Apps round sizes, so 1 % below it still counts.
    /// `dynamic`: the app renders smaller rects at a scale chosen each frame,
    /// so eye buffers are substituted at any static scale.
    public static func decide(_ request: Request, scale: RenderScale, dynamic: Bool = false,
                              smallestEyeWidth: UInt32, smallestEyeHeight: UInt32) -> SwapchainSubstitution {
        guard scale.needsUpscaling || dynamic else { return .passThrough(reason: "render scale is not below 1") }
        guard request.usageFlags & depthUsage == 0 else { return .passThrough(reason: "depth swapchain") }
        guard request.createFlags & staticImage == 0 else { return .passThrough(reason: "static image") }
        guard request.sampleCount == 1 else { return .passThrough(reason: "multisampled") }
        guard request.faceCount == 1 else { return .passThrough(reason: "cube map") }
        guard Double(request.width) >= 0.99 * Double(smallestEyeWidth),
              Double(request.height) >= 0.99 * Double(smallestEyeHeight)
        else { return .passThrough(reason: "smaller than an eye view") }
        guard let format = UpscaleFormat(vulkanFormat: request.format) else { return .unsupportedFormat(request.format) }
        return .substitute(format)
    }
}
