import Glibc
import XrPerfCore
import XrPerfFormats

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
    if dynamicResolution, let path = learnedStatePath(),
       let learned = loadLearnedState(path).settings(for: learnedKey(facts)) {
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
    guard let controller = session.controller, controller.drivesRenderScale, let path = learnedStatePath() else { return }
    let sustained = controller.sustained
    var state = loadLearnedState(path)
    let before = state
    state.record(learnedKey(session.facts), renderScale: sustained.renderScale,
                 frameDivisor: sustained.frameDivisor, frames: sustained.frames,
                 atRealtimeNs: realtimeNanoseconds())
    guard state != before else { return }
    do {
        try LearnedStateFile.write(state, to: path)
    } catch {
        logWarn("learned settings: \(error); nothing learned is kept")
        return
    }
    logInfo("learned for '\(session.facts.application)': render scale \(sustained.renderScale), frame divisor \(sustained.frameDivisor) over \(sustained.frames) frames")
}

private func realtimeNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}

/// Where the learned settings live, or nil when there is no place (a
/// process without a home learns nothing, and that is no fault).
private func learnedStatePath() -> String? {
    do {
        return try LearnedStateFile.locate(environment: processEnvironment())
    } catch {
        logDebug("learned settings: \(error)")
        return nil
    }
}

/// The learned settings, or none (logged) when the file cannot be used: a
/// session never fails for it, and a corrupt file is replaced when the
/// session ends.
private func loadLearnedState(_ path: String) -> LearnedState {
    do {
        switch try LearnedStateFile.read(path) {
        case .absent: return LearnedState()
        case .loaded(let state): return state
        case .corrupt(let problem):
            logWarn("learned settings \(path): \(problem); starting fresh, the file will be replaced")
            return LearnedState()
        }
    } catch {
        logWarn("learned settings: \(error); starting fresh")
        return LearnedState()
    }
}
