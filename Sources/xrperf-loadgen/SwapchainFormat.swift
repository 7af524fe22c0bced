import ArgumentParser
import COpenXR

/// The colour format of the swapchains (--format). The compute pass always
/// writes through an R8G8B8A8_UNORM view or image, so the pattern's values are
/// the stored bytes in every format: no sRGB encoding is applied on write.
enum SwapchainFormat: String, CaseIterable, ExpressibleByArgument {
    case unorm
    case srgb
    case bgraUnorm = "bgra-unorm"
    case bgraSrgb = "bgra-srgb"

    var vkFormat: VkFormat {
        switch self {
        case .unorm: VK_FORMAT_R8G8B8A8_UNORM
        case .srgb: VK_FORMAT_R8G8B8A8_SRGB
        case .bgraUnorm: VK_FORMAT_B8G8R8A8_UNORM
        case .bgraSrgb: VK_FORMAT_B8G8R8A8_SRGB
        }
    }

    /// The Vulkan name without VK_FORMAT_, as the run summary prints it.
    var vulkanName: String {
        switch self {
        case .unorm: "R8G8B8A8_UNORM"
        case .srgb: "R8G8B8A8_SRGB"
        case .bgraUnorm: "B8G8R8A8_UNORM"
        case .bgraSrgb: "B8G8R8A8_SRGB"
        }
    }

    /// The format the shader writes (its `rgba8` image): every --format is in
    /// its compatibility class, so a view of it or a copy from it keeps the bytes.
    static let writeFormat = VK_FORMAT_R8G8B8A8_UNORM

    /// The swapchain's bytes are B, G, R, A, so the shader swaps R and B.
    var isBGRA: Bool { self == .bgraUnorm || self == .bgraSrgb }

    /// Whether the device can use the swapchain format itself as a storage
    /// image (sRGB formats rarely can; then the pattern is copied in).
    func supportsStorage(on physicalDevice: VkPhysicalDevice) -> Bool {
        Self.hasStorageFeature(vkFormat, physicalDevice)
    }

    static func hasStorageFeature(_ format: VkFormat, _ physicalDevice: VkPhysicalDevice) -> Bool {
        var properties = VkFormatProperties()
        vkGetPhysicalDeviceFormatProperties(physicalDevice, format, &properties)
        return properties.optimalTilingFeatures & VK_FORMAT_FEATURE_STORAGE_IMAGE_BIT.rawValue != 0
    }

    /// Throws unless the runtime offers this format (xrEnumerateSwapchainFormats).
    func checkOffered(session: XrSession, connection: XrConnection) throws(LoadgenError) {
        var count: UInt32 = 0
        try connection.check(xrEnumerateSwapchainFormats(session, 0, &count, nil), "xrEnumerateSwapchainFormats")
        var formats = [Int64](repeating: 0, count: Int(count))
        try connection.check(xrEnumerateSwapchainFormats(session, count, &count, &formats), "xrEnumerateSwapchainFormats")
        guard formats.prefix(Int(count)).contains(Int64(vkFormat.rawValue)) else {
            throw .unsupported("the runtime offers no \(vulkanName) swapchain (--format \(rawValue); offered VkFormats: "
                               + "\(formats.prefix(Int(count)).map(String.init).joined(separator: ", ")))")
        }
    }
}
