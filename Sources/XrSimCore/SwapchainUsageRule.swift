/// Swapchain usages a real runtime refuses, so XrSim refuses them too.
/// Monado 25 refuses XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT on sRGB formats
/// with XR_ERROR_FEATURE_UNSUPPORTED (Vulkan has no sRGB storage images and
/// its compositor makes no UNORM alias for them); XRSIM_ALLOW_SRGB_STORAGE=1
/// lifts the rule for a test that needs storage writes to sRGB images.
public enum SwapchainUsageRule {
    /// XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT.
    static let unorderedAccess: UInt64 = 0x04

    /// The sRGB VkFormats (R8G8B8A8, B8G8R8A8, R8G8B8, B8G8R8, A8B8G8R8_PACK32).
    /// A switch, not a stored set: XrSim is unloaded with its last instance,
    /// and a heap-allocated global would outlive it as a leak.
    static func isSRGB(_ format: Int64) -> Bool {
        switch format {
        case 43, 50, 29, 36, 57: true
        default: false
        }
    }

    /// Whether a swapchain of `format` with `usage` is refused.
    public static func refuses(format: Int64, usage: UInt64, allowSRGBStorage: Bool) -> Bool {
        !allowSRGBStorage && usage & unorderedAccess != 0 && isSRGB(format)
    }
}
