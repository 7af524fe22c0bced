import COpenXR
import XrPerfCore
import XrPerfVulkan

/// xrCreateSwapchain for a session that upscales: creates the runtime's
/// swapchain at the display size and the layer's images at the app's size.
/// Returns nil when the swapchain should simply pass through (not an eye
/// buffer, a format the pass cannot write, the runtime refused the larger
/// swapchain, a Vulkan failure); the caller then creates it as asked.
func createSubstitutedSwapchain(
    _ session: SessionState, _ upscale: SessionUpscale, _ info: XrSwapchainCreateInfo,
    _ handle: UnsafeMutablePointer<XrSwapchain?>
) -> XrResult? {
    guard !upscale.broken.load(ordering: .relaxed), info.type == XR_TYPE_SWAPCHAIN_CREATE_INFO else { return nil }
    let request = SwapchainSubstitution.Request(
        format: info.format, usageFlags: info.usageFlags, createFlags: info.createFlags, sampleCount: info.sampleCount,
        width: info.width, height: info.height, faceCount: info.faceCount)
    // Quad views: the app sized its swapchains for the four views.
    let quad = session.foveation?.instance.appSizesQuadViews.load(ordering: .relaxed) == true ? upscale.quadPlan : nil
    let scale = quad?.scale ?? upscale.scale
    let smallest = quad?.smallestEye ?? (upscale.smallestEyeWidth, upscale.smallestEyeHeight)
    let format: UpscaleFormat
    switch SwapchainSubstitution.decide(request, scale: scale, dynamic: upscale.dynamic || quad != nil,
                                        smallestEyeWidth: smallest.0, smallestEyeHeight: smallest.1) {
    case .passThrough(let reason):
        logDebug("swapchain \(info.width)x\(info.height) format \(info.format) passes through: \(reason)")
        return nil
    case .unsupportedFormat(let vulkanFormat):
        logWarn("swapchain \(info.width)x\(info.height): VkFormat \(vulkanFormat) is not one the upscaling pass writes; this swapchain is not upscaled")
        return nil
    case .substitute(let chosen):
        format = chosen
    }
    let path = upscale.path
    guard upscale.context.supports(format, path: path) else {
        logWarn("swapchain format \(info.format): the device cannot write it from the \(path.rawValue) pass; this swapchain is not upscaled")
        return nil
    }
    guard let create = session.instance.next.createSwapchain, let destroy = session.instance.next.destroySwapchain,
          let enumerate = session.instance.next.enumerateSwapchainImages else { return nil }

    let geometry = UpscaleGeometry(appWidth: info.width, appHeight: info.height, scale: scale,
                                   limitWidth: 16384, limitHeight: 16384,
                                   recommendedWidths: upscale.recommendedWidths, recommendedHeights: upscale.recommendedHeights)
    var runtimeInfo = info
    runtimeInfo.width = geometry.runtimeWidth
    runtimeInfo.height = geometry.runtimeHeight
    runtimeInfo.mipCount = 1
    runtimeInfo.usageFlags = path.runtimeUsage(appUsage: info.usageFlags, needsMutableFormat: format.needsMutableFormat)
    var created: XrSwapchain?
    let result = create(OpaquePointer(bitPattern: session.handle), &runtimeInfo, &created)
    guard xrperf_succeeded(result) != 0, let created else {
        logWarn("the runtime refused a \(runtimeInfo.width)x\(runtimeInfo.height) swapchain for the \(path.rawValue) pass (XrResult \(result.rawValue)); this swapchain is not upscaled")
        return nil
    }
    do {
        try InjectedFaults.check(.upscaleImages)
        try upscale.context.prepare(format, filter: upscale.filter, path: path)
        // The controller may switch the edge filter to bilinear mid-session.
        if session.controller?.passKnob == true { try upscale.context.prepare(format, filter: .bilinear, path: path) }
        if quad != nil { try prepareQuadComposite(upscale, format, path: path) }
        let runtimeImages = try runtimeVulkanImages(created, enumerate)
        let imageCount = min(UInt32(runtimeImages.count), LayerImageRing.maximumImages)
        let spec = SubstitutedImages.AppImageSpec(
            format: format, width: info.width, height: info.height, arraySize: info.arraySize, mipCount: info.mipCount,
            xrUsage: info.usageFlags, imageCount: Int(imageCount))
        let images = try SubstitutedImages(context: upscale.context, app: spec, runtimeImages: runtimeImages,
                                           runtimeXrUsage: runtimeInfo.usageFlags,
                                           runtimeSize: (geometry.runtimeWidth, geometry.runtimeHeight), path: path)
        let substitution = SubstitutedSwapchain(handle: handleKey(created), images: images, geometry: geometry, arraySize: info.arraySize,
                                                imageCount: imageCount)
        let state = SwapchainState(handle: handleKey(created), session: session, substitution: substitution)
        Registry.swapchains.insert(state.handle, state)
        handle.pointee = created
        logInfo("swapchain \(info.width)x\(info.height) upscaled to \(geometry.runtimeWidth)x\(geometry.runtimeHeight) (\(upscale.filter.rawValue), \(path.rawValue) pass)")
        return XR_SUCCESS
    } catch {
        logWarn("swapchain \(info.width)x\(info.height) is not upscaled: \(error)")
        _ = destroy(created)
        return nil
    }
}

/// The runtime swapchain's VkImages (two-call idiom).
private func runtimeVulkanImages(_ swapchain: XrSwapchain, _ enumerate: PFN_xrEnumerateSwapchainImages) throws(PassFailure) -> [VkImage] {
    var count: UInt32 = 0
    var result = enumerate(swapchain, 0, &count, nil)
    guard xrperf_succeeded(result) != 0, count > 0 else { throw .unsupported("xrEnumerateSwapchainImages failed (XrResult \(result.rawValue))") }
    var images = [XrSwapchainImageVulkanKHR](repeating: XrSwapchainImageVulkanKHR(), count: Int(count))
    for index in images.indices { images[index].type = XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR }
    // Capacity 1: the runtime reads a header pointer and strides by the Vulkan
    // struct (24 bytes); rebinding `count` 16-byte headers traps in debug builds.
    result = images.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: XrSwapchainImageBaseHeader.self, capacity: 1) {
            enumerate(swapchain, count, &count, $0)
        }
    }
    guard xrperf_succeeded(result) != 0 else { throw .unsupported("xrEnumerateSwapchainImages failed (XrResult \(result.rawValue))") }
    var handles: [VkImage] = []
    for image in images.prefix(Int(count)) {
        guard let vkImage = image.image else { throw .unsupported("the runtime returned a null VkImage") }
        handles.append(vkImage)
    }
    return handles
}

/// Builds the focus-inset pipelines for `format` against every quad-view
/// format seen so far, both ways, so no frame compiles one.
private func prepareQuadComposite(_ upscale: SessionUpscale, _ format: UpscaleFormat, path: UpscalePassPath) throws(PassFailure) {
    let formats = upscale.quadFormats.withLock { formats in
        if !formats.contains(format) { formats.append(format) }
        return formats
    }
    for other in formats {
        try upscale.context.prepareInset(focus: format, target: other, path: path)
        try upscale.context.prepareInset(focus: other, target: format, path: path)
    }
}
