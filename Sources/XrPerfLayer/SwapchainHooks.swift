import COpenXR

func layerCreateSwapchain(
    _ session: XrSession?, _ createInfo: UnsafePointer<XrSwapchainCreateInfo>?,
    _ swapchain: UnsafeMutablePointer<XrSwapchain?>?
) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let create = state.instance.next.createSwapchain else { return XR_ERROR_FUNCTION_UNSUPPORTED }
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
    let result = destroy(swapchain)
    if xrperf_succeeded(result) != 0 { Registry.swapchains.remove(key) }
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
    return enumerate(swapchain, capacity, countOutput, images)
}

func layerAcquireSwapchainImage(
    _ swapchain: XrSwapchain?, _ acquireInfo: UnsafePointer<XrSwapchainImageAcquireInfo>?,
    _ index: UnsafeMutablePointer<UInt32>?
) -> XrResult {
    guard let state = Registry.swapchains.lookup(handleKey(swapchain)) else { return XR_ERROR_HANDLE_INVALID }
    guard let acquire = state.session.instance.next.acquireSwapchainImage else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    return acquire(swapchain, acquireInfo, index)
}

func layerWaitSwapchainImage(_ swapchain: XrSwapchain?, _ waitInfo: UnsafePointer<XrSwapchainImageWaitInfo>?) -> XrResult {
    guard let state = Registry.swapchains.lookup(handleKey(swapchain)) else { return XR_ERROR_HANDLE_INVALID }
    guard let wait = state.session.instance.next.waitSwapchainImage else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    return wait(swapchain, waitInfo)
}

func layerReleaseSwapchainImage(
    _ swapchain: XrSwapchain?, _ releaseInfo: UnsafePointer<XrSwapchainImageReleaseInfo>?
) -> XrResult {
    guard let state = Registry.swapchains.lookup(handleKey(swapchain)) else { return XR_ERROR_HANDLE_INVALID }
    guard let release = state.session.instance.next.releaseSwapchainImage else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    return release(swapchain, releaseInfo)
}
