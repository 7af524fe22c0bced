import COpenXR
import XrPerfVulkan

/// Copies a one-layer, 8-bit-per-channel image back to the host, as its
/// bytes lie in memory; it is in `layout` before and after.
enum ImageReadback {
    static func read(_ device: BenchDevice, image: VkImage, width: UInt32, height: UInt32, layout: VkImageLayout,
                     setup: UpscaleContext) throws(BenchError) -> [UInt8] {
        let size = Int(width) * Int(height) * 4
        let readback = try HostBuffer(device, size: size, usage: VK_BUFFER_USAGE_TRANSFER_DST_BIT.rawValue)
        let buffer = readback.buffer

        let access = VK_ACCESS_MEMORY_READ_BIT.rawValue | VK_ACCESS_MEMORY_WRITE_BIT.rawValue
        try setup.setUp { command in
            setup.transition(command, image, from: layout, to: VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, srcAccess: access,
                             dstAccess: VK_ACCESS_TRANSFER_READ_BIT.rawValue)
            var region = VkBufferImageCopy()
            region.imageSubresource = VkImageSubresourceLayers(
                aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, mipLevel: 0, baseArrayLayer: 0, layerCount: 1)
            region.imageExtent = VkExtent3D(width: width, height: height, depth: 1)
            vkCmdCopyImageToBuffer(command, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer, 1, &region)
            setup.transition(command, image, from: VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, to: layout,
                             srcAccess: VK_ACCESS_TRANSFER_READ_BIT.rawValue, dstAccess: access)
            // The host reads the buffer after the fence.
            var hostBarrier = VkMemoryBarrier()
            hostBarrier.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER
            hostBarrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT.rawValue
            hostBarrier.dstAccessMask = VK_ACCESS_HOST_READ_BIT.rawValue
            vkCmdPipelineBarrier(command, VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue, VK_PIPELINE_STAGE_HOST_BIT.rawValue,
                                 0, 1, &hostBarrier, 0, nil, 0, nil)
        }
        return Array(UnsafeRawBufferPointer(readback.bytes))
    }
}
