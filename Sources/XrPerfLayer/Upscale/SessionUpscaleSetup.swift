import COpenXR
import Glibc
import XrPerfCore
import XrPerfVulkan

/// The session's upscaling, or nil when it renders at full scale: render
/// scale not below 1, no Vulkan binding, XRPERF_UPSCALE=0, or a pass that
/// cannot be built on this device (logged once; the session runs without).
/// `dynamic`: the controller sets the render scale through
/// XR_META_recommended_layer_resolution, so eye buffers are substituted even
/// at a static scale of 1 (the pass takes the app's smaller rect to full size).
/// `quadViews`: the instance offers emulated quad views, whose swapchains
/// are always substituted (the layer composites them into the runtime's).
func makeSessionUpscale(_ instance: InstanceState, systemId: XrSystemId,
                        settings: ProfileSettings, vulkan: GpuFrameTimer.Binding?, dynamic: Bool,
                        quadViews: Bool = false) -> SessionUpscale? {
    guard let stereo = stereoViews(instance, systemId: systemId), let first = stereo.first else {
        logWarn("upscaling off: the runtime's stereo view sizes could not be read")
        return nil
    }
    let scale = latchedRenderScale(instance, recommended: (first.recommendedImageRectWidth, first.recommendedImageRectHeight)) {
        settings
    }
    let quadPlan = quadViews ? instance.foveation.flatMap { quadSwapchainPlan($0, instance, systemId: systemId) } : nil
    guard scale.needsUpscaling || dynamic || quadPlan != nil else { return nil }
    if let value = getenv("XRPERF_UPSCALE"), String(cString: value) == "0" {
        logInfo("upscaling off: XRPERF_UPSCALE=0 (the app still renders at scale \(scale.x) x \(scale.y))")
        return nil
    }
    guard let vulkan else {
        logWarn("render scale \(scale.x) x \(scale.y) asked, but the session does not use Vulkan: the app renders smaller and the runtime scales it")
        return nil
    }
    do {
        try InjectedFaults.check(.upscalePass)
        let context = try UpscaleContext(binding: vulkan)
        if let why = context.untimedReason { logWarn("the upscaling pass runs untimed: \(why)") }
        let smallest = stereo.reduce((UInt32.max, UInt32.max)) { smallest, view in
            (min(smallest.0, RenderScale.scaled(view.recommendedImageRectWidth, by: scale.x, limit: view.maxImageRectWidth)),
             min(smallest.1, RenderScale.scaled(view.recommendedImageRectHeight, by: scale.y, limit: view.maxImageRectHeight)))
        }
        let maximum = stereo.reduce((UInt32(0), UInt32(0))) { ($0.0.max($1.maxImageRectWidth), $0.1.max($1.maxImageRectHeight)) }
        return SessionUpscale(scale: scale, settings: settings.upscale, context: context, smallestEye: smallest,
                              maximum: maximum,
                              recommended: (stereo.map(\.recommendedImageRectWidth), stereo.map(\.recommendedImageRectHeight)),
                              dynamic: dynamic, quadPlan: quadPlan)
    } catch {
        logError("upscaling off for this session: \(error)")
        return nil
    }
}

/// How quad-view swapchains are substituted: the runtime's images are the
/// periphery's size over its density (the stereo size), and any swapchain
/// at least the smaller of the two view sizes is taken.
private func quadSwapchainPlan(_ foveation: InstanceFoveation, _ instance: InstanceState,
                               systemId: XrSystemId) -> SessionUpscale.QuadPlan? {
    guard let (layout, _) = foveation.viewLayout(instance, systemId: systemId) else { return nil }
    let density = foveation.settings(instance, systemId: systemId).peripheralDensity
    return SessionUpscale.QuadPlan(
        scale: RenderScale(uniform: density),
        smallestEye: (min(layout.peripheral.width, layout.focus.width), min(layout.peripheral.height, layout.focus.height)))
}

/// The runtime's own stereo view sizes (unscaled: asked below the layer).
func stereoViews(_ instance: InstanceState, systemId: XrSystemId) -> [XrViewConfigurationView]? {
    guard let enumerate = instance.next.enumerateViewConfigurationViews else { return nil }
    let handle = OpaquePointer(bitPattern: instance.handle)
    var count: UInt32 = 0
    guard enumerate(handle, systemId, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 0, &count, nil) == XR_SUCCESS, count > 0
    else { return nil }
    var views = [XrViewConfigurationView](repeating: XrViewConfigurationView(), count: Int(count))
    for index in views.indices { views[index].type = XR_TYPE_VIEW_CONFIGURATION_VIEW }
    guard enumerate(handle, systemId, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, count, &count, &views) == XR_SUCCESS
    else { return nil }
    return Array(views.prefix(Int(count)))
}

/// The session is gone: free the layer's images, then the pass.
func releaseUpscaling(_ session: SessionState, swapchains: [SwapchainState]) {
    guard let upscale = session.upscale else { return }
    upscale.context.waitIdle()
    for swapchain in swapchains { swapchain.substitution?.images.destroy() }
    upscale.shutdown()
}

extension UInt32 {
    fileprivate func max(_ other: UInt32) -> UInt32 { Swift.max(self, other) }
}
