import COpenXR
import XrPerfVulkan

/// Copies a one-layer, 8-bit-per-channel image back to the host, as its
/// bytes lie in memory; it is in `layout` before and after.
enum ImageReadback {
    static func read(_ device: BenchDevice, image: VkImage, width: UInt32, height: UInt32, layout: VkImageLayout,
                     setup: UpscaleContext) throws(BenchError) -> [UInt8] {
        let size = Int(width) * Int(height) * 4
        var info = VkBufferCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO
        info.size = VkDeviceSize(size)
        info.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT.rawValue
        info.sharingMode = VK_SHARING_MODE_EXCLUSIVE
        var buffer: VkBuffer?
        try vkCheck(vkCreateBuffer(device.device, &info, nil, &buffer), "vkCreateBuffer")
        defer { vkDestroyBuffer(device.device, buffer, nil) }
        var requirements = VkMemoryRequirements()
        vkGetBufferMemoryRequirements(device.device, buffer, &requirements)
        let memory = try allocateMemory(
            device, size: requirements.size, allowed: requirements.memoryTypeBits,
            properties: VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT.rawValue | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT.rawValue)
        defer { vkFreeMemory(device.device, memory, nil) }
        try vkCheck(vkBindBufferMemory(device.device, buffer, memory, 0), "vkBindBufferMemory")

        let access = VK_ACCESS_MEMORY_READ_BIT.rawValue | VK_ACCESS_MEMORY_WRITE_BIT.rawValue
        try setup.setUp { command in
            transition(command, image, from: layout, to: VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, srcAccess: access,
                       dstAccess: VK_ACCESS_TRANSFER_READ_BIT.rawValue)
            var region = VkBufferImageCopy()
            region.imageSubresource = VkImageSubresourceLayers(
                aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, mipLevel: 0, baseArrayLayer: 0, layerCount: 1)
            region.imageExtent = VkExtent3D(width: width, height: height, depth: 1)
            vkCmdCopyImageToBuffer(command, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer, 1, &region)
            transition(command, image, from: VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, to: layout,
                       srcAccess: VK_ACCESS_TRANSFER_READ_BIT.rawValue, dstAccess: access)
            // The host reads the buffer after the fence.
            var hostBarrier = VkMemoryBarrier()
            hostBarrier.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER
            hostBarrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT.rawValue
            hostBarrier.dstAccessMask = VK_ACCESS_HOST_READ_BIT.rawValue
            vkCmdPipelineBarrier(command, VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue, VK_PIPELINE_STAGE_HOST_BIT.rawValue,
                                 0, 1, &hostBarrier, 0, nil, 0, nil)
        }
        var mapped: UnsafeMutableRawPointer?
        try vkCheck(vkMapMemory(device.device, memory, 0, VkDeviceSize(size), 0, &mapped), "vkMapMemory")
        defer { vkUnmapMemory(device.device, memory) }
        guard let mapped else { throw .unsupported("vkMapMemory returned no pointer") }
        return Array(UnsafeRawBufferPointer(start: mapped, count: size))
    }
}
