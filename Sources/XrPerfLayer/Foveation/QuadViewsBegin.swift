import COpenXR

extension SessionFoveation {
    /// The app begins the session with PRIMARY_QUAD_VARJO, which the layer
    /// emulates on this instance.
    func takesQuadViews(_ beginInfo: XrSessionBeginInfo) -> Bool {
        beginInfo.primaryViewConfigurationType == quadViewConfiguration && settings.mode != .off && instance.vulkan
    }
}

/// xrBeginSession with quad views: the runtime is told stereo, and from then
/// on the session's frames are composed into stereo (FrameComposer).
func beginWithQuadViews(_ session: XrSession?, _ state: SessionState, _ foveation: SessionFoveation,
                        _ beginInfo: XrSessionBeginInfo, _ begin: PFN_xrBeginSession) -> XrResult {
    var stereo = beginInfo
    stereo.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO
    let result = begin(session, &stereo)
    if xrperf_succeeded(result) != 0 {
        // Without the layer's Vulkan pass (XRPERF_UPSCALE=0, a device it
        // cannot run on) the focus cannot be drawn: the runtime gets the
        // periphery alone, and the app keeps running.
        if state.upscale == nil {
            logWarn("quad views without the layer's pass in this session (the log says why): the runtime shows the peripheral views alone")
        }
        foveation.isQuad.store(true, ordering: .releasing)
        state.telemetry.foveating(followsGaze: foveation.followsGaze)
        logInfo("session began with quad views (\(foveation.followsGaze ? "focus follows the gaze" : "fixed focus")); the runtime composes stereo")
    }
    return result
}
