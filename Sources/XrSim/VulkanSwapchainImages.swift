import COpenXR
import XrSimCore

/// What to create: one XrSwapchainCreateInfo translated to Vulkan.
struct SwapchainImageSpec {
    var format: VkFormat
    var width, height, arraySize, mipCount: UInt32
    var samples: VkSampleCountFlagBits
    var usage: VkImageUsageFlags
    var flags: VkImageCreateFlags
    var count: Int

    /// The layout the images are in whenever the app acquires them
    /// (XR_KHR_vulkan_enable, "Swapchain image layout").
    var layout: VkImageLayout {
        if usage & VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT.rawValue != 0 { return VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL }
        if usage & VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT.rawValue != 0 { return VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL }
        return VK_IMAGE_LAYOUT_GENERAL
    }

    var aspect: VkImageAspectFlags {
        guard isDepthFormat(format) else { return VK_IMAGE_ASPECT_COLOR_BIT.rawValue }
        return VK_IMAGE_ASPECT_DEPTH_BIT.rawValue | (hasStencil(format) ? VK_IMAGE_ASPECT_STENCIL_BIT.rawValue : 0)
    }
}

/// A swapchain's VkImages on the application's device, with their memory.
final class VulkanSwapchainImages {
    let device: VkDevice
    private(set) var images: [VkImage] = []
    private var memories: [VkDeviceMemory] = []

    private init(device: VkDevice) { self.device = device }

    static func create(_ spec: SwapchainImageSpec, on binding: VulkanBinding) throws(XrSimError) -> VulkanSwapchainImages {
        let set = VulkanSwapchainImages(device: binding.device)
        do {
            for _ in 0..<spec.count { try set.addImage(spec, binding) }
            try set.transition(spec, binding)
        } catch {
            set.destroy()
            throw error
        }
        return set
    }

    private func addImage(_ spec: SwapchainImageSpec, _ binding: VulkanBinding) throws(XrSimError) {
        var info = VkImageCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO
        info.flags = spec.flags
        info.imageType = VK_IMAGE_TYPE_2D
        info.format = spec.format
        info.extent = VkExtent3D(width: spec.width, height: spec.height, depth: 1)
        info.mipLevels = spec.mipCount
        info.arrayLayers = spec.arraySize
        info.samples = spec.samples
        info.tiling = VK_IMAGE_TILING_OPTIMAL
        info.usage = spec.usage
        info.sharingMode = VK_SHARING_MODE_EXCLUSIVE
        info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED
        var image: VkImage?
        guard vkCreateImage(device, &info, nil, &image) == VK_SUCCESS, let image else { throw .runtimeFailure }
        images.append(image)

        var requirements = VkMemoryRequirements()
        vkGetImageMemoryRequirements(device, image, &requirements)
        var allocation = VkMemoryAllocateInfo()
        allocation.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO
        allocation.allocationSize = requirements.size
        // Device-local if possible; lavapipe's memory is all device-local anyway.
        guard let type = memoryTypeIndex(binding.physicalDevice, allowed: requirements.memoryTypeBits,
                                         preferred: VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT.rawValue)
        else { throw .runtimeFailure }
        allocation.memoryTypeIndex = type
        var memory: VkDeviceMemory?
        guard vkAllocateMemory(device, &allocation, nil, &memory) == VK_SUCCESS, let memory else { throw .outOfMemory }
        memories.append(memory)
        guard vkBindImageMemory(device, image, memory, 0) == VK_SUCCESS else { throw .runtimeFailure }
    }

    /// Moves all images from UNDEFINED to their acquire layout once, on the
    /// session's queue, and waits: the app may use them as soon as it acquires.
    private func transition(_ spec: SwapchainImageSpec, _ binding: VulkanBinding) throws(XrSimError) {
        let layout = spec.layout
        let range = VkImageSubresourceRange(aspectMask: spec.aspect, baseMipLevel: 0, levelCount: spec.mipCount,
                                            baseArrayLayer: 0, layerCount: spec.arraySize)
        var barriers = images.map {
            layoutBarrier($0, range, from: VK_IMAGE_LAYOUT_UNDEFINED, to: layout,
                          sourceAccess: 0, destinationAccess: appAccessMask(for: layout))
        }
        try runOneShotCommands(on: binding) { commands in
            vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT.rawValue, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                                 0, 0, nil, 0, nil, UInt32(barriers.count), &barriers)
        }
    }

    /// Frees everything; the images are never touched again afterwards.
    func destroy() {
        for image in images { vkDestroyImage(device, image, nil) }
        for memory in memories { vkFreeMemory(device, memory, nil) }
        images = []
        memories = []
    }
}
