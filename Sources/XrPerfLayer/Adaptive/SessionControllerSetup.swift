import Glibc
import XrPerfCore

/// The session's controller, or nil when it has nothing to do: turned off in
/// the profile, or no knob it may turn (the app does not take a render scale
/// through XR_META_recommended_layer_resolution, and the frame divisor is not
/// allowed on this platform).
func makeSessionController(_ instance: InstanceState, facts: PlatformFacts, settings: ProfileSettings,
                           vulkan: Bool) -> SessionController? {
    guard settings.controller.enabled else {
        logInfo("adaptive quality off: controller.enabled is false")
        return nil
    }
    let dynamicResolution = instance.layerExtensions.contains(LayerExtensions.recommendedLayerResolution) && vulkan
    // Overload notifications need the forecast even when no knob may turn.
    let notifies = instance.layerExtensions.contains(LayerExtensions.performanceSettings)
    let refreshRate = settings.controller.refreshRateAllowed && instance.refreshRate != .off
    // The edge filter can drop to bilinear where the layer upscales.
    let upscales = settings.upscale.renderScale < 1 || (settings.upscale.renderScaleY > 0 && settings.upscale.renderScaleY < 1)
        || settings.upscale.width > 0 || settings.upscale.height > 0 || dynamicResolution
    let passKnob = vulkan && upscales && settings.upscale.filter == .edge
    guard dynamicResolution || settings.controller.frameDivisorAllowed || notifies || refreshRate || passKnob else {
        logInfo("adaptive quality idle: the app takes no recommended resolution and the frame divisor is not allowed")
        return nil
    }
    logInfo("adaptive quality on: "
            + (dynamicResolution ? "render scale \(settings.controller.minRenderScale)-\(settings.controller.maxRenderScale)" : "fixed render scale")
            + (settings.controller.frameDivisorAllowed ? ", frame divisor 1-2" : ", frame divisor 1")
            + (notifies ? ", performance notifications" : "")
            + (passKnob ? ", upscaling filter edge-bilinear" : "")
            + (refreshRate ? ", refresh rate" : ""))
    var learnedScale: Double?
    if dynamicResolution, let path = LearnedStateFile.path(),
       let learned = LearnedStateFile.load(path).settings(for: learnedKey(facts)) {
        learnedScale = learned.renderScale
        logInfo("starting from the learned render scale \(learned.renderScale) (\(learned.sessions) earlier session(s))")
    }
    return SessionController(settings: settings, drivesRenderScale: dynamicResolution, learnedScale: learnedScale,
                             notifies: notifies, passKnob: passKnob) { [instance] in
        instance.pendingLayerEvents.add(1, ordering: .releasing)
    }
}

/// Learned settings belong to an app on a platform (runtime, headset, GPU).
func learnedKey(_ facts: PlatformFacts) -> LearnedKey {
    LearnedKey(application: facts.application,
               platform: LearnedKey.platform(runtime: facts.runtime, system: facts.system, gpu: facts.gpuName))
}

/// The session ends: what it sustained goes into the learned settings,
/// merged with what earlier sessions left (the file is read again: another
/// process may have written it meanwhile).
func recordLearnedSettings(_ session: SessionState) {
    // Only a scale the controller chose is worth remembering: it is what a
    // session with dynamic resolution starts from.
    guard let controller = session.controller, controller.drivesRenderScale, let path = LearnedStateFile.path() else { return }
    let sustained = controller.sustained
    var state = LearnedStateFile.load(path)
    let before = state
    state.record(learnedKey(session.facts), renderScale: sustained.renderScale,
                 frameDivisor: sustained.frameDivisor, frames: sustained.frames,
                 atRealtimeNs: realtimeNanoseconds())
    guard state != before else { return }
    LearnedStateFile.store(state, to: path)
    logInfo("learned for '\(session.facts.application)': render scale \(sustained.renderScale), frame divisor \(sustained.frameDivisor) over \(sustained.frames) frames")
}

private func realtimeNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}
