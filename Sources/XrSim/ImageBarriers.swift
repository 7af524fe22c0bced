import COpenXR

/// A layout transition of `range` of `image`, on one queue family.
func layoutBarrier(_ image: VkImage, _ range: VkImageSubresourceRange, from old: VkImageLayout, to new: VkImageLayout,
                   sourceAccess: VkAccessFlags, destinationAccess: VkAccessFlags) -> VkImageMemoryBarrier {
    var barrier = VkImageMemoryBarrier()
    barrier.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER
    barrier.srcAccessMask = sourceAccess
    barrier.dstAccessMask = destinationAccess
    barrier.oldLayout = old
    barrier.newLayout = new
    barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
    barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
    barrier.image = image
    barrier.subresourceRange = range
    return barrier
}

/// The accesses an app may make to an image in its acquire layout, for the
/// destination scope of barriers that hand an image back to the app.
func appAccessMask(for layout: VkImageLayout) -> VkAccessFlags {
    switch layout {
    case VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL:
        VK_ACCESS_COLOR_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue
    case VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL:
        VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT.rawValue
    default:
        VK_ACCESS_MEMORY_READ_BIT.rawValue | VK_ACCESS_MEMORY_WRITE_BIT.rawValue
    }
}
