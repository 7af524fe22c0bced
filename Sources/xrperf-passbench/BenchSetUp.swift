import COpenXR
import XrPerfVulkan

extension UpscaleContext {
    /// The bench's set-up work (layout transitions, the input upload), run
    /// once and waited for by the pass's own one-off runner.
    func setUp(_ record: (VkCommandBuffer) -> Void) throws(BenchError) {
        do {
            try runOnce(record)
        } catch {
            throw .pass(error)
        }
    }
}

/// One whole-image layout change (one layer, one mip: the bench's images).
func transition(_ command: VkCommandBuffer, _ image: VkImage, from: VkImageLayout, to: VkImageLayout,
                srcAccess: VkAccessFlags, dstAccess: VkAccessFlags) {
    var barrier = VkImageMemoryBarrier()
    barrier.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER
    barrier.srcAccessMask = srcAccess
    barrier.dstAccessMask = dstAccess
    barrier.oldLayout = from
    barrier.newLayout = to
    barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
    barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
    barrier.image = image
    barrier.subresourceRange = VkImageSubresourceRange(
        aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, baseMipLevel: 0, levelCount: 1, baseArrayLayer: 0, layerCount: 1)
    vkCmdPipelineBarrier(command, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                         0, 0, nil, 0, nil, 1, &barrier)
}
