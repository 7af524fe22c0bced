import COpenXR

/// The session's colour swapchains and each view's place in them, as chosen by
/// --format, --swapchain-layout, --write, --scale and --rect-offset. Views
/// ("eyes") are those of the view configuration: 2 in stereo, 4 with quad views.
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

        // An array holds a left/right pair: both eyes in stereo; with quad
        // views the peripheral pair and the focus pair, whose sizes differ.
        let array = layout == .array
        let eyes = views.indices.map { eye in
            EyeTarget(view: views[eye], scale: options.scale, offset: options.rectOffset,
                      swapchainIndex: array ? eye / 2 : eye, arrayIndex: array ? UInt32(eye % 2) : 0)
        }
        self.eyes = eyes
        let sizes = views.indices.map { EyeTarget.imageSize(for: views[$0], rect: eyes[$0].rect) }
        let shapes = array
            ? stride(from: 0, to: sizes.count, by: 2).map { first in
                let pair = sizes[first..<min(first + 2, sizes.count)]
                return (width: pair.map(\.width).max() ?? 1, height: pair.map(\.height).max() ?? 1, layers: UInt32(pair.count))
            }
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

    /// "2 x 256x256 R8G8B8A8_UNORM swapchains, rendering 256x256 per eye"; with
    /// quad views the size of every swapchain and view.
    var setupDescription: String {
        guard let first = swapchains.first, let eye = eyes.first else { return "no swapchains" }
        if eyes.count != 2 { return viewsDescription }
        let layers = first.arraySize > 1 ? " x \(first.arraySize) layers" : ""
        let offset = eye.rect.offset.x != 0 || eye.rect.offset.y != 0 ? " at \(eye.rect.offset.x),\(eye.rect.offset.y)" : ""
        let plural = swapchains.count == 1 ? "swapchain" : "swapchains"
        return "\(swapchains.count) x \(first.width)x\(first.height)\(layers) \(format.vulkanName) \(plural) (write: \(write.rawValue)), "
            + "rendering \(eye.rect.extent.width)x\(eye.rect.extent.height)\(offset) per eye"
    }

    /// "4 R8G8B8A8_UNORM swapchains (write: storage): view 0 1024x1024 rendering 1024x1024, ..."
    private var viewsDescription: String {
        let plural = swapchains.count == 1 ? "swapchain" : "swapchains"
        let views = eyes.indices.map { index in
            let eye = eyes[index]
            let image = swapchains[eye.swapchainIndex]
            let layer = image.arraySize > 1 ? " layer \(eye.arrayIndex)" : ""
            let offset = eye.rect.offset.x != 0 || eye.rect.offset.y != 0 ? " at \(eye.rect.offset.x),\(eye.rect.offset.y)" : ""
            return "view \(index) \(image.width)x\(image.height)\(layer) rendering "
                + "\(eye.rect.extent.width)x\(eye.rect.extent.height)\(offset)"
        }
        return "\(swapchains.count) \(format.vulkanName) \(plural) (write: \(write.rawValue)): \(views.joined(separator: ", "))"
    }

    /// Per view, for the run summary: what tests assert about the setup.
    func viewReports(pattern: TestPattern) -> [ViewReport] {
        eyes.indices.map { index in
            let eye = eyes[index]
            let image = swapchains[eye.swapchainIndex]
            return ViewReport(index: index, role: ViewRole(index: index, viewCount: eyes.count),
                              format: format.vulkanName, layout: layout.rawValue, swapchain: eye.swapchainIndex,
                              arrayIndex: eye.arrayIndex, imageWidth: image.width, imageHeight: image.height,
                              rect: eye.rect, write: write.rawValue, pattern: pattern.rawValue)
        }
    }

    func destroy() {
        for swapchain in swapchains { swapchain.destroy() }
    }

    /// Peripheral views (every stereo view) render `extent` this frame; quad
    /// views' focus views the same fraction of their own rect that `extent`
    /// is of view 0's. Each is clamped to its full rect.
    mutating func render(_ extent: XrExtent2Di) {
        guard let full = eyes.first?.rect.extent else { return }
        for eye in eyes.indices {
            guard ViewRole(index: eye, viewCount: eyes.count) == .focus else {
                eyes[eye].render(extent)
                continue
            }
            let own = eyes[eye].rect.extent
            eyes[eye].render(XrExtent2Di(width: Self.proportion(extent.width, own.width, full.width),
                                         height: Self.proportion(extent.height, own.height, full.height)))
        }
    }

    /// `value` × `numerator` / `denominator`, rounded; exactly `value` when
    /// the two are equal.
    private static func proportion(_ value: Int32, _ numerator: Int32, _ denominator: Int32) -> Int32 {
        guard numerator != denominator, denominator > 0 else { return value }
        return Int32((Int64(value) * Int64(numerator) * 2 + Int64(denominator)) / (2 * Int64(denominator)))
    }
}
