import COpenXR
import XrPerfCore

func layerCreateSwapchain(
    _ session: XrSession?, _ createInfo: UnsafePointer<XrSwapchainCreateInfo>?,
    _ swapchain: UnsafeMutablePointer<XrSwapchain?>?
) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let create = state.instance.next.createSwapchain else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    if let upscale = state.upscale, let createInfo, let swapchain,
       let result = createSubstitutedSwapchain(state, upscale, createInfo.pointee, swapchain) {
        return result
    }
    let result = create(session, createInfo, swapchain)
    if xrperf_succeeded(result) != 0, let swapchain, let created = swapchain.pointee {
        let swapchainState = SwapchainState(handle: handleKey(created), session: state)
        Registry.swapchains.insert(swapchainState.handle, swapchainState)
    }
    return result
}

func layerDestroySwapchain(_ swapchain: XrSwapchain?) -> XrResult {
    let key = handleKey(swapchain)
    guard let state = Registry.swapchains.lookup(key) else { return XR_ERROR_HANDLE_INVALID }
    guard let destroy = state.session.instance.next.destroySwapchain else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    if let substitution = state.substitution, let upscale = state.session.upscale {
        // Before the runtime frees its images: the last pass may still be
        // writing them on the GPU, and the layer's views of them must go first.
        upscale.context.waitIdle()
        substitution.images.destroy()
    }
    let result = destroy(swapchain)
    if xrperf_succeeded(result) != 0 || state.substitution != nil { Registry.swapchains.remove(key) }
    return result
}

func layerEnumerateSwapchainImages(
    _ swapchain: XrSwapchain?, _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
    _ images: UnsafeMutablePointer<XrSwapchainImageBaseHeader>?
) -> XrResult {
    guard let state = Registry.swapchains.lookup(handleKey(swapchain)) else { return XR_ERROR_HANDLE_INVALID }
    guard let enumerate = state.session.instance.next.enumerateSwapchainImages else {
        return XR_ERROR_FUNCTION_UNSUPPORTED
    }
    guard let substitution = state.substitution else { return enumerate(swapchain, capacity, countOutput, images) }
    return enumerateLayerImages(substitution, capacity, countOutput, images)
}

func layerAcquireSwapchainImage(
    _ swapchain: XrSwapchain?, _ acquireInfo: UnsafePointer<XrSwapchainImageAcquireInfo>?,
    _ index: UnsafeMutablePointer<UInt32>?
) -> XrResult {
    guard let state = Registry.swapchains.lookup(handleKey(swapchain)) else { return XR_ERROR_HANDLE_INVALID }
    guard let acquire = state.session.instance.next.acquireSwapchainImage else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    guard let substitution = state.substitution else {
        return RuntimeCallMarker.during { acquire(swapchain, acquireInfo, index) }
    }
    if let acquireInfo, acquireInfo.pointee.type != XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO { return XR_ERROR_VALIDATION_FAILURE }
    guard let index else { return XR_ERROR_VALIDATION_FAILURE }
    return substitution.ring.withLock { ring in
        do throws(LayerImageRing.Failure) {
            index.pointee = try ring.acquire()
            return XR_SUCCESS
        } catch {
            return XR_ERROR_CALL_ORDER_INVALID
        }
    }
}

func layerWaitSwapchainImage(_ swapchain: XrSwapchain?, _ waitInfo: UnsafePointer<XrSwapchainImageWaitInfo>?) -> XrResult {
    guard let state = Registry.swapchains.lookup(handleKey(swapchain)) else { return XR_ERROR_HANDLE_INVALID }
    guard let wait = state.session.instance.next.waitSwapchainImage else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    guard let substitution = state.substitution else { return RuntimeCallMarker.during { wait(swapchain, waitInfo) } }
    guard let waitInfo, waitInfo.pointee.type == XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO else { return XR_ERROR_VALIDATION_FAILURE }
    // The layer's images are free as soon as they are acquired: the pass that
    // last read one was ordered before the app's next use on the same queue.
    return substitution.ring.withLock { ring in
        do throws(LayerImageRing.Failure) {
            _ = try ring.wait()
            return XR_SUCCESS
        } catch {
            return XR_ERROR_CALL_ORDER_INVALID
        }
    }
}

func layerReleaseSwapchainImage(
    _ swapchain: XrSwapchain?, _ releaseInfo: UnsafePointer<XrSwapchainImageReleaseInfo>?
) -> XrResult {
    guard let state = Registry.swapchains.lookup(handleKey(swapchain)) else { return XR_ERROR_HANDLE_INVALID }
    guard let release = state.session.instance.next.releaseSwapchainImage else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    guard let substitution = state.substitution else {
        return RuntimeCallMarker.during { release(swapchain, releaseInfo) }
    }
    if let releaseInfo, releaseInfo.pointee.type != XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO { return XR_ERROR_VALIDATION_FAILURE }
    return substitution.ring.withLock { ring in
        do throws(LayerImageRing.Failure) {
            _ = try ring.release()
            return XR_SUCCESS
        } catch {
            return XR_ERROR_CALL_ORDER_INVALID
        }
    }
}

/// xrEnumerateSwapchainImages over the layer's images, with the two-call
/// idiom's rules as a runtime applies them.
private func enumerateLayerImages(
    _ substitution: SubstitutedSwapchain, _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
    _ images: UnsafeMutablePointer<XrSwapchainImageBaseHeader>?
) -> XrResult {
    let handles = substitution.images.appImageHandles
    guard let countOutput else { return XR_ERROR_VALIDATION_FAILURE }
    countOutput.pointee = UInt32(handles.count)
    guard capacity > 0 else { return XR_SUCCESS }
    guard capacity >= UInt32(handles.count) else { return XR_ERROR_SIZE_INSUFFICIENT }
    guard let images else { return XR_ERROR_VALIDATION_FAILURE }
    let vulkanImages = UnsafeMutableRawPointer(images).assumingMemoryBound(to: XrSwapchainImageVulkanKHR.self)
    for index in handles.indices where vulkanImages[index].type != XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR {
        return XR_ERROR_VALIDATION_FAILURE
    }
    for (index, handle) in handles.enumerated() { vulkanImages[index].image = handle }
    return XR_SUCCESS
}
