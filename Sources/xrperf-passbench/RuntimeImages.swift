import COpenXR
import XrPerfCore
import XrPerfVulkan

/// Stand-ins for the runtime's swapchain images, one per eye, made as a
/// runtime would for the layer's request: display size, the XR usage the
/// layer asks for (per path: UpscalePassPath.runtimeUsage), and
/// MUTABLE_FORMAT | EXTENDED_USAGE where that usage is mutable (the compute
/// pass's storage view of an sRGB image). They wait in the layout a runtime
/// hands out.
final class RuntimeImages {
    private let device: BenchDevice
    private(set) var images: [VkImage] = []
    private var memories: [VkDeviceMemory] = []

    init(_ device: BenchDevice, format: UpscaleFormat, width: UInt32, height: UInt32, count: Int,
         xrUsage: UInt64, setup: UpscaleContext) throws(BenchError) {
        self.device = device
        do throws(BenchError) {
            for _ in 0..<count { try add(format: format, width: width, height: height, xrUsage: xrUsage) }
            let layout = SwapchainImageLayout.acquireLayout(xrUsage: xrUsage)
            let images = images
            try setup.setUp { command in
                for image in images {
                    setup.transition(command, image, from: VK_IMAGE_LAYOUT_UNDEFINED, to: layout, srcAccess: 0,
                                     dstAccess: VK_ACCESS_MEMORY_READ_BIT.rawValue | VK_ACCESS_MEMORY_WRITE_BIT.rawValue)
                }
            }
        } catch {
            destroy()
            throw error
        }
    }

    private func add(format: UpscaleFormat, width: UInt32, height: UInt32, xrUsage: UInt64) throws(BenchError) {
        var info = VkImageCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO
        if xrUsage & CaseRunner.mutableFormat != 0 {
            info.flags = VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT.rawValue | VK_IMAGE_CREATE_EXTENDED_USAGE_BIT.rawValue
        }
        info.imageType = VK_IMAGE_TYPE_2D
        info.format = VkFormat(UInt32(format.vulkanFormat))
        info.extent = VkExtent3D(width: width, height: height, depth: 1)
        info.mipLevels = 1
        info.arrayLayers = 1
        info.samples = VK_SAMPLE_COUNT_1_BIT
        info.tiling = VK_IMAGE_TILING_OPTIMAL
        info.usage = SwapchainImageLayout.imageUsage(xrUsage: xrUsage)
        info.sharingMode = VK_SHARING_MODE_EXCLUSIVE
        info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED
        var image: VkImage?
        try vkCheck(vkCreateImage(device.device, &info, nil, &image), "vkCreateImage (runtime image)")
        guard let image else { throw .unsupported("vkCreateImage returned no image") }
        images.append(image)
        var requirements = VkMemoryRequirements()
        vkGetImageMemoryRequirements(device.device, image, &requirements)
        let memory = try allocateMemory(device, size: requirements.size, allowed: requirements.memoryTypeBits,
                                        properties: VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT.rawValue)
        memories.append(memory)
        try vkCheck(vkBindImageMemory(device.device, image, memory, 0), "vkBindImageMemory")
    }

    func destroy() {
        for image in images { vkDestroyImage(device.device, image, nil) }
        for memory in memories { vkFreeMemory(device.device, memory, nil) }
        (images, memories) = ([], [])
    }
}
