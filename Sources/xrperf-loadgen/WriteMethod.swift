import ArgumentParser
import COpenXR

/// How the compute pass's pixels reach the swapchain image (--write).
enum WriteMethod: String, CaseIterable, ExpressibleByArgument {
    /// storage when the device can use the swapchain format as a storage image, else copy.
    case auto
    /// The swapchain image is the storage image (usage UNORDERED_ACCESS, and
    /// MUTABLE_FORMAT with an R8G8B8A8_UNORM view when its format differs).
    case storage
    /// The pass writes an image of the app's own, copied into the swapchain
    /// image (usage TRANSFER_DST): sRGB swapchains need no storage support.
    case copy

    /// `auto` decided for this format and device.
    func resolved(for format: SwapchainFormat, on physicalDevice: VkPhysicalDevice) -> WriteMethod {
        guard self == .auto else { return self }
        return format.supportsStorage(on: physicalDevice) ? .storage : .copy
    }
}
