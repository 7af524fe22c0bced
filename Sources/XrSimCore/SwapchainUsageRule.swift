/// Swapchain usages a real runtime refuses, so XrSim refuses them too.
/// Monado 25 refuses XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT on sRGB formats
/// with XR_ERROR_FEATURE_UNSUPPORTED (Vulkan has no sRGB storage images and
/// its compositor makes no UNORM alias for them); XRSIM_ALLOW_SRGB_STORAGE=1
/// lifts the rule for a test that needs storage writes to sRGB images.
public enum SwapchainUsageRule {
    /// XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT.
    static let unorderedAccess: UInt64 = 0x04

    /// The sRGB VkFormats XrSim's swapchains can have (its format list).
    static let srgbFormats: Set<Int64> = [
        43,  // VK_FORMAT_R8G8B8A8_SRGB
        50,  // VK_FORMAT_B8G8R8A8_SRGB
        29,  // VK_FORMAT_R8G8B8_SRGB
        36,  // VK_FORMAT_B8G8R8_SRGB
        57,  // VK_FORMAT_A8B8G8R8_SRGB_PACK32
    ]

    /// Whether a swapchain of `format` with `usage` is refused.
    public static func refuses(format: Int64, usage: UInt64, allowSRGBStorage: Bool) -> Bool {
        !allowSRGBStorage && usage & unorderedAccess != 0 && srgbFormats.contains(format)
    }
}
