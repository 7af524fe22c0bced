import COpenXR
import XrSimCore

/// One rectangle of one array layer (mip 0) of a colour swapchain image, in
/// the layout the app released it in.
struct ReadbackRegion {
    var image: VkImage
    var layout: VkImageLayout
    var rect: ImageRect
    var arrayLayer: UInt32
}

extension SwapchainImageSpec {
    /// Lets frame dumps copy from the images: apps rarely ask for
    /// TRANSFER_SRC, and a copy from an image without it is invalid Vulkan.
    /// Only single-sampled colour images (a copy cannot read multisampled
    /// ones), and only where the device allows the extra usage.
    mutating func allowReadback(on physical: VkPhysicalDevice) {
        let transferSource = VK_IMAGE_USAGE_TRANSFER_SRC_BIT.rawValue
        guard !isDepthFormat(format), samples == VK_SAMPLE_COUNT_1_BIT, usage & transferSource == 0 else { return }
        var limits = VkImageFormatProperties()
        guard vkGetPhysicalDeviceImageFormatProperties(physical, format, VK_IMAGE_TYPE_2D, VK_IMAGE_TILING_OPTIMAL,
                                                       usage | transferSource, flags, &limits) == VK_SUCCESS
        else { return }
        usage |= transferSource
    }

    var isReadable: Bool { usage & VK_IMAGE_USAGE_TRANSFER_SRC_BIT.rawValue != 0 && samples == VK_SAMPLE_COUNT_1_BIT }
}

/// Copies a region's texels (4 bytes each, rows top to bottom, tightly
/// packed) to host memory through a temporary buffer, on the session's queue,
/// and leaves the image in its release layout for the app's next acquire.
func readTexels(_ region: ReadbackRegion, on binding: VulkanBinding) throws(XrSimError) -> [UInt8] {
    let device = binding.device
    let byteCount = Int(region.rect.width) * Int(region.rect.height) * 4

    var bufferInfo = VkBufferCreateInfo()
    bufferInfo.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO
    bufferInfo.size = VkDeviceSize(byteCount)
    bufferInfo.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT.rawValue
    bufferInfo.sharingMode = VK_SHARING_MODE_EXCLUSIVE
    var buffer: VkBuffer?
    guard vkCreateBuffer(device, &bufferInfo, nil, &buffer) == VK_SUCCESS, let buffer else { throw .runtimeFailure }
    defer { vkDestroyBuffer(device, buffer, nil) }

    var requirements = VkMemoryRequirements()
    vkGetBufferMemoryRequirements(device, buffer, &requirements)
    let hostCoherent = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT.rawValue | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT.rawValue
    guard let type = memoryTypeIndex(binding.physicalDevice, allowed: requirements.memoryTypeBits, required: hostCoherent)
    else { throw .runtimeFailure }
    var allocation = VkMemoryAllocateInfo()
    allocation.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO
    allocation.allocationSize = requirements.size
    allocation.memoryTypeIndex = type
    var memory: VkDeviceMemory?
    guard vkAllocateMemory(device, &allocation, nil, &memory) == VK_SUCCESS, let memory else { throw .outOfMemory }
    defer { vkFreeMemory(device, memory, nil) }
    guard vkBindBufferMemory(device, buffer, memory, 0) == VK_SUCCESS else { throw .runtimeFailure }

    try runOneShotCommands(on: binding) { commands in recordCopy(commands, region, to: buffer, byteCount: byteCount) }

    var mapped: UnsafeMutableRawPointer?
    guard vkMapMemory(device, memory, 0, VkDeviceSize(VK_WHOLE_SIZE), 0, &mapped) == VK_SUCCESS, let mapped else {
        throw .runtimeFailure
    }
    defer { vkUnmapMemory(device, memory) }
    return Array(UnsafeRawBufferPointer(start: mapped, count: byteCount))
}

private func recordCopy(_ commands: VkCommandBuffer, _ region: ReadbackRegion, to buffer: VkBuffer, byteCount: Int) {
    let layer = VkImageSubresourceRange(aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, baseMipLevel: 0, levelCount: 1,
                                        baseArrayLayer: region.arrayLayer, layerCount: 1)
    // Whatever the app last did to the image (render, compute, its own
    // transition) was submitted before xrEndFrame; wait for all of it.
    var toTransfer = layoutBarrier(region.image, layer, from: region.layout, to: VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                                   sourceAccess: VK_ACCESS_MEMORY_WRITE_BIT.rawValue,
                                   destinationAccess: VK_ACCESS_TRANSFER_READ_BIT.rawValue)
    vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue,
                         0, 0, nil, 0, nil, 1, &toTransfer)

    var copy = VkBufferImageCopy()
    copy.imageSubresource = VkImageSubresourceLayers(aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, mipLevel: 0,
                                                     baseArrayLayer: region.arrayLayer, layerCount: 1)
    copy.imageOffset = VkOffset3D(x: region.rect.x, y: region.rect.y, z: 0)
    copy.imageExtent = VkExtent3D(width: UInt32(region.rect.width), height: UInt32(region.rect.height), depth: 1)
    vkCmdCopyImageToBuffer(commands, region.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer, 1, &copy)

    // The app may write the image again as soon as it acquires it.
    var back = layoutBarrier(region.image, layer, from: VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, to: region.layout,
                             sourceAccess: 0, destinationAccess: appAccessMask(for: region.layout))
    vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                         0, 0, nil, 0, nil, 1, &back)

    // A fence does not make device writes visible to the host by itself.
    var toHost = VkBufferMemoryBarrier()
    toHost.sType = VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER
    toHost.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT.rawValue
    toHost.dstAccessMask = VK_ACCESS_HOST_READ_BIT.rawValue
    toHost.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
    toHost.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
    toHost.buffer = buffer
    toHost.offset = 0
    toHost.size = VkDeviceSize(byteCount)
    vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue, VK_PIPELINE_STAGE_HOST_BIT.rawValue,
                         0, 0, nil, 1, &toHost, 0, nil)
}
