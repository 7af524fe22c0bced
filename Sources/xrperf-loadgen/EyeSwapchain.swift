import COpenXR

/// One eye's colour swapchain: its images and the rectangle the load renders
/// into (the recommended size times --scale, at the image's origin).
struct EyeSwapchain {
    let swapchain: XrSwapchain
    let images: [VkImage]
    let imageWidth: UInt32
    let imageHeight: UInt32
    let rect: XrRect2Di

    /// A storage image is written by the compute pass, so the format must be
    /// UNORM (sRGB formats cannot be storage images) and support storage.
    static let format = VK_FORMAT_R8G8B8A8_UNORM

    static func checkFormat(session: XrSession, connection: XrConnection,
                            physicalDevice: VkPhysicalDevice) throws(LoadgenError) {
        var count: UInt32 = 0
        try connection.check(xrEnumerateSwapchainFormats(session, 0, &count, nil), "xrEnumerateSwapchainFormats")
        var formats = [Int64](repeating: 0, count: Int(count))
        try connection.check(xrEnumerateSwapchainFormats(session, count, &count, &formats), "xrEnumerateSwapchainFormats")
        guard formats.contains(Int64(format.rawValue)) else {
            throw .unsupported("the runtime offers no R8G8B8A8_UNORM swapchain (offered VkFormats: \(formats.map(String.init).joined(separator: ", ")))")
        }
        var properties = VkFormatProperties()
        vkGetPhysicalDeviceFormatProperties(physicalDevice, format, &properties)
        guard properties.optimalTilingFeatures & VK_FORMAT_FEATURE_STORAGE_IMAGE_BIT.rawValue != 0 else {
            throw .unsupported("the Vulkan device cannot use R8G8B8A8_UNORM as a storage image")
        }
    }

    init(session: XrSession, connection: XrConnection, view: XrViewConfigurationView,
         scale: Double) throws(LoadgenError) {
        let rectWidth = Self.scaled(view.recommendedImageRectWidth, scale, limit: view.maxImageRectWidth)
        let rectHeight = Self.scaled(view.recommendedImageRectHeight, scale, limit: view.maxImageRectHeight)
        imageWidth = max(view.recommendedImageRectWidth, rectWidth)
        imageHeight = max(view.recommendedImageRectHeight, rectHeight)
        rect = XrRect2Di(offset: XrOffset2Di(x: 0, y: 0),
                         extent: XrExtent2Di(width: Int32(rectWidth), height: Int32(rectHeight)))

        var info = XrSwapchainCreateInfo()
        info.type = XR_TYPE_SWAPCHAIN_CREATE_INFO
        info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT
        info.format = Int64(Self.format.rawValue)
        info.sampleCount = 1
        info.width = imageWidth
        info.height = imageHeight
        info.faceCount = 1
        info.arraySize = 1
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

    /// `size` × `scale`, at least 1 pixel and at most the runtime's maximum.
    static func scaled(_ size: UInt32, _ scale: Double, limit: UInt32) -> UInt32 {
        UInt32(min(Double(max(limit, 1)), max(1, (Double(size) * scale).rounded())))
    }

    var pixelCount: Int { Int(rect.extent.width) * Int(rect.extent.height) }

    func destroy() {
        xrDestroySwapchain(swapchain)
    }
}
