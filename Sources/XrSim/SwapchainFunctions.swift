import COpenXR
import XrSimCore

/// Images per swapchain (triple buffering, as most runtimes).
private let imagesPerSwapchain = 3
/// Largest XrSwapchainCreateInfo::sampleCount (XrViewConfigurationView::maxSwapchainSampleCount).
let maxSampleCount: UInt32 = 4

private let knownCreateFlags = XR_SWAPCHAIN_CREATE_PROTECTED_CONTENT_BIT | XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT

/// XrSwapchainUsageFlags of the core spec and their Vulkan meaning
/// (XR_KHR_vulkan_enable, "Swapchain flag translation").
private let usageTranslation: [(XrSwapchainUsageFlags, VkImageUsageFlags)] = [
    (XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT.rawValue),
    (XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT.rawValue),
    (XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT, VK_IMAGE_USAGE_STORAGE_BIT.rawValue),
    (XR_SWAPCHAIN_USAGE_TRANSFER_SRC_BIT, VK_IMAGE_USAGE_TRANSFER_SRC_BIT.rawValue),
    (XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT, VK_IMAGE_USAGE_TRANSFER_DST_BIT.rawValue),
    (XR_SWAPCHAIN_USAGE_SAMPLED_BIT, VK_IMAGE_USAGE_SAMPLED_BIT.rawValue),
    (XR_SWAPCHAIN_USAGE_MUTABLE_FORMAT_BIT, 0),
]

func xrsimEnumerateSwapchainFormats(_ session: XrSession?, _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
                                    _ formats: UnsafeMutablePointer<Int64>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let binding = try locked { registry throws(XrSimError) in try registry.session(session).vulkan }
        let list = swapchainFormats(of: binding.physicalDevice).map { Int64($0.rawValue) }
        return try writeArray(list, capacity: capacity, countOutput: countOutput, buffer: formats)
    }
}

/// Validates XrSwapchainCreateInfo and translates it to Vulkan.
private func imageSpec(_ info: XrSwapchainCreateInfo, _ binding: VulkanBinding, readable: Bool) throws(XrSimError) -> SwapchainImageSpec {
    try expectType(info.type, XR_TYPE_SWAPCHAIN_CREATE_INFO)
    guard info.createFlags & ~knownCreateFlags == 0 else { throw .validationFailure }
    guard info.createFlags & XR_SWAPCHAIN_CREATE_PROTECTED_CONTENT_BIT == 0 else { throw .featureUnsupported }
    let knownUsage = usageTranslation.reduce(XrSwapchainUsageFlags(0)) { $0 | $1.0 }
    guard info.usageFlags & ~knownUsage == 0 else { throw .validationFailure }
    guard info.width > 0, info.height > 0, info.arraySize > 0, info.mipCount > 0, info.sampleCount > 0 else { throw .validationFailure }
    switch info.faceCount {
    case 1: break
    case 6: throw .featureUnsupported  // cube maps need XR_KHR_composition_layer_cube
    default: throw .validationFailure
    }
    guard info.width <= maxSwapchainSide, info.height <= maxSwapchainSide else { throw .featureUnsupported }
    guard [1, 2, 4].contains(info.sampleCount), info.sampleCount <= maxSampleCount else { throw .featureUnsupported }
    let format = VkFormat(UInt32(truncatingIfNeeded: info.format))
    guard Int64(format.rawValue) == info.format, swapchainFormats(of: binding.physicalDevice).contains(format) else {
        throw .swapchainFormatUnsupported
    }
    var usage: VkImageUsageFlags = 0
    for (xr, vk) in usageTranslation where info.usageFlags & xr != 0 { usage |= vk }
    // Mutable images also get EXTENDED_USAGE (Vulkan 1.1): the point of a
    // mutable sRGB image is usually a UNORM storage view, which the sRGB
    // format itself could not support as a storage image.
    let flags: VkImageCreateFlags = info.usageFlags & XR_SWAPCHAIN_USAGE_MUTABLE_FORMAT_BIT != 0
        ? VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT.rawValue | VK_IMAGE_CREATE_EXTENDED_USAGE_BIT.rawValue : 0
    let samples = VkSampleCountFlagBits(info.sampleCount)
    // Ask the device rather than fail later inside vkCreateImage.
    var limits = VkImageFormatProperties()
    guard vkGetPhysicalDeviceImageFormatProperties(binding.physicalDevice, format, VK_IMAGE_TYPE_2D, VK_IMAGE_TILING_OPTIMAL,
                                                   usage, flags, &limits) == VK_SUCCESS,
        info.width <= limits.maxExtent.width, info.height <= limits.maxExtent.height,
        info.mipCount <= limits.maxMipLevels, info.arraySize <= limits.maxArrayLayers,
        limits.sampleCounts & samples.rawValue != 0
    else { throw .featureUnsupported }
    let isStatic = info.createFlags & XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT != 0
    var spec = SwapchainImageSpec(format: format, width: info.width, height: info.height, arraySize: info.arraySize,
                                  mipCount: info.mipCount, samples: samples, usage: usage, flags: flags,
                                  count: isStatic ? 1 : imagesPerSwapchain)
    if readable { spec.allowReadback(on: binding.physicalDevice) }
    return spec
}

func xrsimCreateSwapchain(_ session: XrSession?, _ createInfo: UnsafePointer<XrSwapchainCreateInfo>?,
                          _ swapchain: UnsafeMutablePointer<XrSwapchain?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let (binding, dumps, allowSRGBStorage) = try locked { registry throws(XrSimError) in
            let object = try registry.session(session)
            return (object.vulkan, object.dump != nil, object.allowSRGBStorage)
        }
        let info = try required(createInfo).pointee
        let out = try required(swapchain)
        let spec = try imageSpec(info, binding, readable: dumps)
        if SwapchainUsageRule.refuses(format: info.format, usage: info.usageFlags, allowSRGBStorage: allowSRGBStorage) {
            Log.info("swapchain refused: UNORDERED_ACCESS on sRGB format \(info.format), as Monado refuses it (XRSIM_ALLOW_SRGB_STORAGE=1 allows it)")
            throw .featureUnsupported
        }
        // Vulkan work happens outside the lock; the session is re-checked after.
        let images = try VulkanSwapchainImages.create(spec, on: binding)
        let id = try locked { registry throws(XrSimError) -> UInt64 in
            guard registry.sessions[handleID(session)] != nil else {
                images.destroy()
                throw .handleInvalid
            }
            let id = registry.allocator.allocate()
            let ring = SwapchainImageRing(imageCount: UInt32(spec.count), isStatic: spec.count == 1)
            registry.swapchains.insert(SwapchainObject(session: handleID(session), ring: ring, images: images, spec: spec), as: id)
            return id
        }
        out.pointee = makeHandle(id)
        Log.debug("swapchain created: format \(info.format), \(info.width)x\(info.height), \(spec.count) images")
        return XR_SUCCESS
    }
}

func xrsimDestroySwapchain(_ swapchain: XrSwapchain?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let object = try locked { registry throws(XrSimError) -> SwapchainObject in
            _ = try registry.swapchain(swapchain)
            return registry.swapchains.remove(handleID(swapchain))!
        }
        object.images.destroy()
        return XR_SUCCESS
    }
}

func xrsimEnumerateSwapchainImages(_ swapchain: XrSwapchain?, _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
                                   _ images: UnsafeMutablePointer<XrSwapchainImageBaseHeader>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let list = try locked { registry throws(XrSimError) in try registry.swapchain(swapchain).images.images }
        let buffer = UnsafeMutableRawPointer(images)?.assumingMemoryBound(to: XrSwapchainImageVulkanKHR.self)
        return try writeStructs(count: list.count, capacity: capacity, countOutput: countOutput, buffer: buffer,
                                isValid: { $0.type == XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR }) { element, i in
            element.image = list[i]
        }
    }
}

func xrsimAcquireSwapchainImage(_ swapchain: XrSwapchain?, _ acquireInfo: UnsafePointer<XrSwapchainImageAcquireInfo>?,
                                _ index: UnsafeMutablePointer<UInt32>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.swapchain(swapchain)
            if let info = acquireInfo { try expectType(info.pointee.type, XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO) }
            let out = try required(index)
            out.pointee = try object.ring.acquire()
            return XR_SUCCESS
        }
    }
}

/// Images are ready the moment they are acquired (nothing composites them), so
/// waiting never times out.
func xrsimWaitSwapchainImage(_ swapchain: XrSwapchain?, _ waitInfo: UnsafePointer<XrSwapchainImageWaitInfo>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.swapchain(swapchain)
            try expectType(try required(waitInfo).pointee.type, XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO)
            _ = try object.ring.wait()
            return XR_SUCCESS
        }
    }
}

func xrsimReleaseSwapchainImage(_ swapchain: XrSwapchain?, _ releaseInfo: UnsafePointer<XrSwapchainImageReleaseInfo>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.swapchain(swapchain)
            if let info = releaseInfo { try expectType(info.pointee.type, XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO) }
            _ = try object.ring.release()
            return XR_SUCCESS
        }
    }
}
