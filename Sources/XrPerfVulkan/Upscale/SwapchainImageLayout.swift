import COpenXR

/// XR swapchain usage bits in Vulkan terms, and the layout an image is in
/// whenever the app acquires it (XR_KHR_vulkan_enable, "Swapchain image
/// layout"): the app must hand it back in that layout, and so must the layer.
public enum SwapchainImageLayout {
    public static func imageUsage(xrUsage: UInt64) -> VkImageUsageFlags {
        var usage: VkImageUsageFlags = 0
        let table: [(UInt64, VkImageUsageFlagBits)] = [
            (0x01, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT), (0x02, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT),
            (0x04, VK_IMAGE_USAGE_STORAGE_BIT), (0x08, VK_IMAGE_USAGE_TRANSFER_SRC_BIT),
            (0x10, VK_IMAGE_USAGE_TRANSFER_DST_BIT), (0x20, VK_IMAGE_USAGE_SAMPLED_BIT),
            (0x80, VK_IMAGE_USAGE_INPUT_ATTACHMENT_BIT),
        ]
        for (xr, vk) in table where xrUsage & xr != 0 { usage |= vk.rawValue }
        return usage
    }

    public static func acquireLayout(xrUsage: UInt64) -> VkImageLayout {
        xrUsage & 0x01 != 0 ? VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL : VK_IMAGE_LAYOUT_GENERAL
    }

    /// What may have touched the image in that layout before the pass reads
    /// or writes it, and what may touch it after.
    static func access(of layout: VkImageLayout) -> VkAccessFlags {
        layout == VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL
            ? VK_ACCESS_COLOR_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue
            : VK_ACCESS_MEMORY_READ_BIT.rawValue | VK_ACCESS_MEMORY_WRITE_BIT.rawValue
    }
}
