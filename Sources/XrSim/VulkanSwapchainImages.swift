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
        allocation.memoryTypeIndex = try memoryType(binding.physicalDevice, allowed: requirements.memoryTypeBits)
        var memory: VkDeviceMemory?
        guard vkAllocateMemory(device, &allocation, nil, &memory) == VK_SUCCESS, let memory else { throw .outOfMemory }
        memories.append(memory)
        guard vkBindImageMemory(device, image, memory, 0) == VK_SUCCESS else { throw .runtimeFailure }
    }

    /// Device-local if possible; lavapipe's memory is all device-local anyway.
    private func memoryType(_ physical: VkPhysicalDevice, allowed: UInt32) throws(XrSimError) -> UInt32 {
        var properties = VkPhysicalDeviceMemoryProperties()
        vkGetPhysicalDeviceMemoryProperties(physical, &properties)
        let types = withUnsafeBytes(of: properties.memoryTypes) { Array($0.bindMemory(to: VkMemoryType.self)) }
        let candidates = (0..<Int(properties.memoryTypeCount)).filter { allowed & (1 << UInt32($0)) != 0 }
        let local = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT.rawValue
        if let index = candidates.first(where: { types[$0].propertyFlags & local != 0 }) ?? candidates.first {
            return UInt32(index)
        }
        throw .runtimeFailure
    }

    /// Moves all images from UNDEFINED to their acquire layout once, on the
    /// session's queue, and waits: the app may use them as soon as it acquires.
    private func transition(_ spec: SwapchainImageSpec, _ binding: VulkanBinding) throws(XrSimError) {
        var queue: VkQueue?
        vkGetDeviceQueue(device, binding.queueFamilyIndex, binding.queueIndex, &queue)
        guard let queue else { throw .runtimeFailure }

        var poolInfo = VkCommandPoolCreateInfo()
        poolInfo.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO
        poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT.rawValue
        poolInfo.queueFamilyIndex = binding.queueFamilyIndex
        var pool: VkCommandPool?
        guard vkCreateCommandPool(device, &poolInfo, nil, &pool) == VK_SUCCESS, let pool else { throw .runtimeFailure }
        defer { vkDestroyCommandPool(device, pool, nil) }

        var allocation = VkCommandBufferAllocateInfo()
        allocation.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO
        allocation.commandPool = pool
        allocation.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY
        allocation.commandBufferCount = 1
        var commands: VkCommandBuffer?
        guard vkAllocateCommandBuffers(device, &allocation, &commands) == VK_SUCCESS, let commands else { throw .runtimeFailure }

        var begin = VkCommandBufferBeginInfo()
        begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO
        begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT.rawValue
        guard vkBeginCommandBuffer(commands, &begin) == VK_SUCCESS else { throw .runtimeFailure }
        let layout = spec.layout
        var barriers = images.map { image -> VkImageMemoryBarrier in
            var barrier = VkImageMemoryBarrier()
            barrier.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER
            barrier.srcAccessMask = 0
            barrier.dstAccessMask = accessMask(for: layout)
            barrier.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED
            barrier.newLayout = layout
            barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
            barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
            barrier.image = image
            barrier.subresourceRange = VkImageSubresourceRange(
                aspectMask: spec.aspect, baseMipLevel: 0, levelCount: spec.mipCount, baseArrayLayer: 0, layerCount: spec.arraySize)
            return barrier
        }
        vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT.rawValue, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                             0, 0, nil, 0, nil, UInt32(barriers.count), &barriers)
        guard vkEndCommandBuffer(commands) == VK_SUCCESS else { throw .runtimeFailure }

        var fenceInfo = VkFenceCreateInfo()
        fenceInfo.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO
        var fence: VkFence?
        guard vkCreateFence(device, &fenceInfo, nil, &fence) == VK_SUCCESS, let fence else { throw .runtimeFailure }
        defer { vkDestroyFence(device, fence, nil) }
        var commandList: VkCommandBuffer? = commands
        let submitted = withUnsafePointer(to: &commandList) { list -> VkResult in
            var submit = VkSubmitInfo()
            submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO
            submit.commandBufferCount = 1
            submit.pCommandBuffers = list
            return vkQueueSubmit(queue, 1, &submit, fence)
        }
        guard submitted == VK_SUCCESS else { throw .runtimeFailure }
        var fences: VkFence? = fence
        guard vkWaitForFences(device, 1, &fences, VkBool32(VK_TRUE), UInt64.max) == VK_SUCCESS else { throw .runtimeFailure }
    }

    private func accessMask(for layout: VkImageLayout) -> VkAccessFlags {
        switch layout {
        case VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL:
            VK_ACCESS_COLOR_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue
        case VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL:
            VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT.rawValue
        default:
            VK_ACCESS_MEMORY_READ_BIT.rawValue | VK_ACCESS_MEMORY_WRITE_BIT.rawValue
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
