import COpenXR

/// The session's colour swapchains and each eye's place in them, as chosen by
/// --format, --swapchain-layout, --write, --scale and --rect-offset.
struct RenderTargets {
    struct Options {
        var format: SwapchainFormat
        var layout: SwapchainLayout
        var write: WriteMethod
        var scale: Double
        var rectOffset: RectOffset
    }

    let format: SwapchainFormat
    let layout: SwapchainLayout
    /// Resolved: never `auto`.
    let write: WriteMethod
    private(set) var swapchains: [ColorSwapchain] = []
    private(set) var eyes: [EyeTarget]

    /// Checks that runtime and device can do what the options ask, then creates the swapchains.
    init(session: XrSession, connection: XrConnection, vulkan: VulkanDevice, views: [XrViewConfigurationView],
         options: Options) throws(LoadgenError) {
        format = options.format
        layout = options.layout
        write = options.write.resolved(for: options.format, on: vulkan.physicalDevice)
        try format.checkOffered(session: session, connection: connection)
        try Self.checkDevice(vulkan, format: format, write: write)

        let array = layout == .array
        let eyes = views.indices.map { eye in
            EyeTarget(view: views[eye], scale: options.scale, offset: options.rectOffset,
                      swapchainIndex: array ? 0 : eye, arrayIndex: array ? UInt32(eye) : 0)
        }
        self.eyes = eyes
        let sizes = views.indices.map { EyeTarget.imageSize(for: views[$0], rect: eyes[$0].rect) }
        let shapes = array
            ? [(width: sizes.map(\.width).max() ?? 1, height: sizes.map(\.height).max() ?? 1, layers: UInt32(views.count))]
            : sizes.map { (width: $0.width, height: $0.height, layers: UInt32(1)) }
        do throws(LoadgenError) {
            for shape in shapes {
                swapchains.append(try ColorSwapchain(session: session, connection: connection, format: format, write: write,
                                                     width: shape.width, height: shape.height, arraySize: shape.layers))
            }
        } catch {
            destroy()
            throw error
        }
    }

    /// The pass always writes R8G8B8A8_UNORM; with --write storage the
    /// swapchain's own format must allow storage images as well.
    private static func checkDevice(_ vulkan: VulkanDevice, format: SwapchainFormat,
                                    write: WriteMethod) throws(LoadgenError) {
        guard SwapchainFormat.hasStorageFeature(SwapchainFormat.writeFormat, vulkan.physicalDevice) else {
            throw .unsupported("the Vulkan device '\(vulkan.deviceName)' cannot use R8G8B8A8_UNORM as a storage image")
        }
        if write == .storage && !format.supportsStorage(on: vulkan.physicalDevice) {
            throw .unsupported("--write storage: the Vulkan device '\(vulkan.deviceName)' cannot use \(format.vulkanName) "
                               + "as a storage image (no VK_FORMAT_FEATURE_STORAGE_IMAGE_BIT); use --write copy or auto")
        }
    }

    func swapchain(of eye: Int) -> ColorSwapchain { swapchains[eyes[eye].swapchainIndex] }

    /// "2 x 256x256 R8G8B8A8_UNORM swapchains, rendering 256x256 per eye"
    var setupDescription: String {
        guard let first = swapchains.first, let eye = eyes.first else { return "no swapchains" }
        let layers = first.arraySize > 1 ? " x \(first.arraySize) layers" : ""
        let offset = eye.rect.offset.x != 0 || eye.rect.offset.y != 0 ? " at \(eye.rect.offset.x),\(eye.rect.offset.y)" : ""
        let plural = swapchains.count == 1 ? "swapchain" : "swapchains"
        return "\(swapchains.count) x \(first.width)x\(first.height)\(layers) \(format.vulkanName) \(plural) (write: \(write.rawValue)), "
            + "rendering \(eye.rect.extent.width)x\(eye.rect.extent.height)\(offset) per eye"
    }

    /// One line per eye for the run summary: what tests assert about the setup.
    func eyeLines(pattern: TestPattern) -> [String] {
        eyes.indices.map { index in
            let eye = eyes[index]
            let image = swapchains[eye.swapchainIndex]
            return "eye=\(index) format=\(format.vulkanName) layout=\(layout.rawValue) swapchain=\(eye.swapchainIndex) "
                + "array_index=\(eye.arrayIndex) image_size=\(image.width)x\(image.height) "
                + "rect_offset=\(eye.rect.offset.x),\(eye.rect.offset.y) rect_size=\(eye.rect.extent.width)x\(eye.rect.extent.height) "
                + "write=\(write.rawValue) pattern=\(pattern.rawValue)"
        }
    }

    func destroy() {
        for swapchain in swapchains { swapchain.destroy() }
    }

    /// Every eye renders `extent` this frame (clamped to its full rect).
    mutating func render(_ extent: XrExtent2Di) {
        for eye in eyes.indices { eyes[eye].render(extent) }
    }
}
