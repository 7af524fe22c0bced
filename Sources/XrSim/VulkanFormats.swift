import COpenXR

/// Colour formats in XrSim's order of preference: sRGB first (spec 10.1.1
/// asks runtimes to list preferred formats first; sRGB gives correct blending).
private let colorCandidates: [VkFormat] = [
    VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_B8G8R8A8_SRGB, VK_FORMAT_R8G8B8A8_UNORM, VK_FORMAT_B8G8R8A8_UNORM,
    // Wider formats, last, as desktop runtimes offer them for HDR-ish content.
    VK_FORMAT_R16G16B16A16_SFLOAT, VK_FORMAT_R16G16B16A16_UNORM,
]
private let depthCandidates: [VkFormat] = [VK_FORMAT_D32_SFLOAT, VK_FORMAT_D16_UNORM, VK_FORMAT_D24_UNORM_S8_UINT]

/// The candidate formats the physical device can render to and sample from.
func swapchainFormats(of physicalDevice: VkPhysicalDevice) -> [VkFormat] {
    func supports(_ format: VkFormat, _ needed: VkFormatFeatureFlagBits) -> Bool {
        var properties = VkFormatProperties()
        vkGetPhysicalDeviceFormatProperties(physicalDevice, format, &properties)
        let mask = needed.rawValue | VK_FORMAT_FEATURE_SAMPLED_IMAGE_BIT.rawValue
        return properties.optimalTilingFeatures & mask == mask
    }
    return colorCandidates.filter { supports($0, VK_FORMAT_FEATURE_COLOR_ATTACHMENT_BIT) }
        + depthCandidates.filter { supports($0, VK_FORMAT_FEATURE_DEPTH_STENCIL_ATTACHMENT_BIT) }
}

func isDepthFormat(_ format: VkFormat) -> Bool { depthCandidates.contains(format) }

func hasStencil(_ format: VkFormat) -> Bool { format == VK_FORMAT_D24_UNORM_S8_UINT }
