import XrPerfCore

/// The session's controller, or nil when it has nothing to do: turned off in
/// the profile, or no knob it may turn (the app does not take a render scale
/// through XR_META_recommended_layer_resolution, and the frame divisor is not
/// allowed on this platform).
func makeSessionController(_ instance: InstanceState, settings: ProfileSettings, vulkan: Bool) -> SessionController? {
    guard settings.controller.enabled else {
        logInfo("adaptive quality off: controller.enabled is false")
        return nil
    }
    let dynamicResolution = instance.layerExtensions.contains(LayerExtensions.recommendedLayerResolution) && vulkan
    guard dynamicResolution || settings.controller.frameDivisorAllowed else {
        logInfo("adaptive quality idle: the app takes no recommended resolution and the frame divisor is not allowed")
        return nil
    }
    logInfo("adaptive quality on: "
            + (dynamicResolution ? "render scale \(settings.controller.minRenderScale)-\(settings.controller.maxRenderScale)" : "fixed render scale")
            + (settings.controller.frameDivisorAllowed ? ", frame divisor 1-2" : ", frame divisor 1"))
    return SessionController(settings: settings, drivesRenderScale: dynamicResolution)
}
