import COpenXR

/// One colour layer of a single-mip image.
func colorLayer(_ layer: UInt32) -> VkImageSubresourceRange {
    VkImageSubresourceRange(aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, baseMipLevel: 0, levelCount: 1,
                            baseArrayLayer: layer, layerCount: 1)
}

/// Records a layout transition (or a plain dependency when the layouts are
/// equal) of one layer of `image`.
func recordBarrier(_ commands: VkCommandBuffer?, _ image: VkImage?, layer: UInt32,
                   from: VkImageLayout, to: VkImageLayout,
                   after sourceStage: VkPipelineStageFlagBits, _ sourceAccess: VkAccessFlags,
                   before destinationStage: VkPipelineStageFlagBits, _ destinationAccess: VkAccessFlags) {
    var barrier = VkImageMemoryBarrier()
    barrier.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER
    barrier.srcAccessMask = sourceAccess
    barrier.dstAccessMask = destinationAccess
    barrier.oldLayout = from
    barrier.newLayout = to
    barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
    barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
    barrier.image = image
    barrier.subresourceRange = colorLayer(layer)
    vkCmdPipelineBarrier(commands, sourceStage.rawValue, destinationStage.rawValue, 0, 0, nil, 0, nil, 1, &barrier)
}
