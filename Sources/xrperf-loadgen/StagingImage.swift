import COpenXR

/// An R8G8B8A8_UNORM storage image of the app's own, one eye's rect in size:
/// with --write copy the pass writes it and a copy moves the bytes into the
/// swapchain image, whose format (sRGB) the device may not allow as storage.
final class StagingImage {
    private let device: VkDevice
    private(set) var image: VkImage?
    private var memory: VkDeviceMemory?
    private(set) var view: VkImageView?

    init(vulkan: VulkanDevice, width: UInt32, height: UInt32) throws(LoadgenError) {
        device = vulkan.device
        do throws(LoadgenError) {
            var info = VkImageCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO
            info.imageType = VK_IMAGE_TYPE_2D
            info.format = SwapchainFormat.writeFormat
            info.extent = VkExtent3D(width: width, height: height, depth: 1)
            info.mipLevels = 1
            info.arrayLayers = 1
            info.samples = VK_SAMPLE_COUNT_1_BIT
            info.tiling = VK_IMAGE_TILING_OPTIMAL
            info.usage = VK_IMAGE_USAGE_STORAGE_BIT.rawValue | VK_IMAGE_USAGE_TRANSFER_SRC_BIT.rawValue
            info.sharingMode = VK_SHARING_MODE_EXCLUSIVE
            info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED
            try vkCheck(vkCreateImage(device, &info, nil, &image), "vkCreateImage")

            var requirements = VkMemoryRequirements()
            vkGetImageMemoryRequirements(device, image, &requirements)
            var allocation = VkMemoryAllocateInfo()
            allocation.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO
            allocation.allocationSize = requirements.size
            allocation.memoryTypeIndex = try Self.memoryType(vulkan.physicalDevice, allowed: requirements.memoryTypeBits)
            try vkCheck(vkAllocateMemory(device, &allocation, nil, &memory), "vkAllocateMemory")
            try vkCheck(vkBindImageMemory(device, image, memory, 0), "vkBindImageMemory")

            var viewInfo = VkImageViewCreateInfo()
            viewInfo.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO
            viewInfo.image = image
            viewInfo.viewType = VK_IMAGE_VIEW_TYPE_2D
            viewInfo.format = SwapchainFormat.writeFormat
            viewInfo.subresourceRange = colorLayer(0)
            try vkCheck(vkCreateImageView(device, &viewInfo, nil, &view), "vkCreateImageView")
        } catch {
            destroy()
            throw error
        }
    }

    /// Device-local when there is such a type; nothing but the GPU touches it.
    private static func memoryType(_ physicalDevice: VkPhysicalDevice, allowed: UInt32) throws(LoadgenError) -> UInt32 {
        var properties = VkPhysicalDeviceMemoryProperties()
        vkGetPhysicalDeviceMemoryProperties(physicalDevice, &properties)
        let types = withUnsafeBytes(of: properties.memoryTypes) { Array($0.bindMemory(to: VkMemoryType.self)) }
        let candidates = (0..<Int(properties.memoryTypeCount)).filter { allowed & (1 << UInt32($0)) != 0 }
        let local = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT.rawValue
        guard let index = candidates.first(where: { types[$0].propertyFlags & local != 0 }) ?? candidates.first else {
            throw .unsupported("no Vulkan memory type can hold the staging image")
        }
        return UInt32(index)
    }

    func destroy() {
        if let view { vkDestroyImageView(device, view, nil) }
        view = nil
        if let image { vkDestroyImage(device, image, nil) }
        image = nil
        if let memory { vkFreeMemory(device, memory, nil) }
        memory = nil
    }
}
