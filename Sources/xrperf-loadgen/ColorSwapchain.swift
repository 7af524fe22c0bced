import COpenXR

/// One colour swapchain and its VkImages. Colour-attachment usage always (the
/// runtime then hands images over in COLOR_ATTACHMENT_OPTIMAL), plus what the
/// write method needs.
struct ColorSwapchain {
    let swapchain: XrSwapchain
    let images: [VkImage]
    let width: UInt32
    let height: UInt32
    let arraySize: UInt32

    init(session: XrSession, connection: XrConnection, format: SwapchainFormat, write: WriteMethod,
         width: UInt32, height: UInt32, arraySize: UInt32) throws(LoadgenError) {
        self.width = width
        self.height = height
        self.arraySize = arraySize
        var info = XrSwapchainCreateInfo()
        info.type = XR_TYPE_SWAPCHAIN_CREATE_INFO
        info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT
        if write == .copy {
            info.usageFlags |= XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT
        } else {
            info.usageFlags |= XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT
            // The storage view is R8G8B8A8_UNORM whatever the swapchain's format.
            if format.vkFormat != SwapchainFormat.writeFormat { info.usageFlags |= XR_SWAPCHAIN_USAGE_MUTABLE_FORMAT_BIT }
        }
        info.format = Int64(format.vkFormat.rawValue)
        info.sampleCount = 1
        info.width = width
        info.height = height
        info.faceCount = 1
        info.arraySize = arraySize
        info.mipCount = 1
        var swapchain: XrSwapchain?
        try connection.check(xrCreateSwapchain(session, &info, &swapchain), "xrCreateSwapchain")
        guard let swapchain else { throw .unsupported("xrCreateSwapchain returned no swapchain") }
        self.swapchain = swapchain

        var count: UInt32 = 0
        do throws(LoadgenError) {
            try connection.check(xrEnumerateSwapchainImages(swapchain, 0, &count, nil), "xrEnumerateSwapchainImages")
            guard count > 0 else { throw .unsupported("the runtime's swapchain has no images") }
            var vulkanImages = [XrSwapchainImageVulkanKHR](repeating: XrSwapchainImageVulkanKHR(), count: Int(count))
            for index in vulkanImages.indices { vulkanImages[index].type = XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR }
            let result = vulkanImages.withUnsafeMutableBufferPointer { buffer in
                // An array of the Vulkan image structs, passed as the base type the API declares.
                let base = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: XrSwapchainImageBaseHeader.self)
                return xrEnumerateSwapchainImages(swapchain, count, &count, base)
            }
            try connection.check(result, "xrEnumerateSwapchainImages")
            images = try vulkanImages.prefix(Int(count)).map { image throws(LoadgenError) in
                guard let vkImage = image.image else { throw .unsupported("the runtime returned a null VkImage") }
                return vkImage
            }
        } catch {
            xrDestroySwapchain(swapchain)
            throw error
        }
    }

    func destroy() {
        xrDestroySwapchain(swapchain)
    }
}
