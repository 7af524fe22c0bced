import COpenXR
import XrPerfCore

func layerDestroyInstance(_ instance: XrInstance?) -> XrResult {
    let key = handleKey(instance)
    guard let state = Registry.instances.lookup(key) else { return XR_ERROR_HANDLE_INVALID }
    guard let destroy = state.next.destroyInstance else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    // The runtime frees the instance's sessions and swapchains with it: the
    // layer's passes and views of the runtime's images go first.
    let swapchains = Registry.swapchains.snapshot().filter { $0.session.instance === state }
    for session in Registry.sessions.snapshot() where session.instance === state {
        SessionLifecycle.release(session, swapchains: swapchains.filter { $0.session === session })
    }
    let result = destroy(instance)
    if xrperf_succeeded(result) != 0 {
        // Destroying an instance destroys its sessions and their swapchains.
        let sessions = Registry.sessions.removeAll { $0.instance === state }
        _ = Registry.swapchains.removeAll { $0.session.instance === state }
        for session in sessions { SessionLifecycle.close(session, reason: "instance destroyed") }
        Registry.instances.remove(key)
        logInfo("instance destroyed: app '\(state.applicationName)'")
    }
    return result
}

func layerPollEvent(_ instance: XrInstance?, _ event: UnsafeMutablePointer<XrEventDataBuffer>?) -> XrResult {
    guard let state = Registry.instances.lookup(handleKey(instance)) else { return XR_ERROR_HANDLE_INVALID }
    guard let poll = state.next.pollEvent else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    if let delivered = pollLayerEvent(state, event) { return delivered }
    var result = poll(instance, event)
    // The app did not enable XR_FB_display_refresh_rate (the layer did): its
    // events are not the app's to see.
    while state.refreshRate == .enabledByLayer, result == XR_SUCCESS, let event,
          event.pointee.type == XR_TYPE_EVENT_DATA_DISPLAY_REFRESH_RATE_CHANGED_FB {
        event.pointee.type = XR_TYPE_EVENT_DATA_BUFFER
        result = poll(instance, event)
    }
    return result
}

func layerEnumerateViewConfigurationViews(
    _ instance: XrInstance?, _ systemId: XrSystemId, _ viewConfigurationType: XrViewConfigurationType,
    _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
    _ views: UnsafeMutablePointer<XrViewConfigurationView>?
) -> XrResult {
    guard let state = Registry.instances.lookup(handleKey(instance)) else { return XR_ERROR_HANDLE_INVALID }
    guard let enumerate = state.next.enumerateViewConfigurationViews else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    if let foveation = state.foveation {
        if isEmulatedQuad(state, viewConfigurationType, systemId: systemId) {
            return enumerateQuadViews(state, foveation, systemId: systemId, capacity, countOutput, views)
        }
        if viewConfigurationType == XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO {
            foveation.appSizesQuadViews.store(false, ordering: .relaxed)
        }
    }
    let result = enumerate(instance, systemId, viewConfigurationType, capacity, countOutput, views)
    if result == XR_SUCCESS, capacity > 0, let views, let countOutput {
        let recommended = (views[0].recommendedImageRectWidth, views[0].recommendedImageRectHeight)
        let scale = latchedRenderScale(state, recommended: recommended) { state.settings(systemId: systemId) }
        if scale != RenderScale(uniform: 1) {
            applyRenderScale(scale, to: views, count: Int(min(capacity, countOutput.pointee)))
        }
    }
    return result
}
