import COpenXR
import XrPerfCore
import XrPerfVulkan

/// Everything the layer keeps for a session, made in one place when the
/// runtime has created it and released in one place before the runtime
/// destroys it, whichever call does (xrDestroySession, or xrDestroyInstance
/// with the session still alive). The profile is resolved once here, for
/// the session's whole platform (app, engine, runtime, headset, GPU); a hot
/// reload changes only what may change mid-session (ProfileWatcher).
enum SessionLifecycle {
    /// The state of a session the runtime just created, with each feature
    /// the profile and the session's graphics allow.
    static func make(_ state: InstanceState, _ createInfo: UnsafePointer<XrSessionCreateInfo>?,
                     _ created: XrSession) -> SessionState {
        let system = createInfo.map { systemName(of: state, systemId: $0.pointee.systemId) } ?? ""
        let vulkan = createInfo.flatMap { vulkanBinding(in: $0.pointee.next) }
        let gpu = vulkan.flatMap { VulkanDeviceIdentity(instance: $0.instance, physicalDevice: $0.physicalDevice) }
        let facts = PlatformFacts(
            application: state.applicationName, engine: state.engineName, runtime: state.runtimeName,
            system: system, gpuVendor: gpu.map { GPUVendor(vulkanVendorID: $0.vendorID) }, gpuName: gpu?.name ?? "")
        let profile = SessionProfile.resolve(facts: facts)
        let controller = makeSessionController(state, facts: facts, settings: profile.settings, vulkan: vulkan != nil)
        let telemetry = SessionTelemetry(instance: state, systemName: system, gpuName: gpu?.name ?? "",
                                         profile: profile, vulkan: vulkan, controller: controller)
        let throttle = SessionThrottle(targetFps: profile.settings.throttle.targetFps)
        let foveation = createInfo.flatMap { info in
            state.foveation.map { instanceFoveation in
                SessionFoveation(instance: instanceFoveation,
                                 settings: instanceFoveation.settings(state, systemId: info.pointee.systemId),
                                 gazeSupported: instanceFoveation.gaze != nil
                                     && eyeGazeSupported(state, systemId: info.pointee.systemId))
            }
        }
        let upscale = createInfo.flatMap { info in
            makeSessionUpscale(state, systemId: info.pointee.systemId, settings: profile.settings,
                               vulkan: vulkan, dynamic: controller?.drivesRenderScale ?? false,
                               quadViews: foveation?.settings.mode != nil && foveation?.settings.mode != .off)
        }
        if let upscale {
            telemetry.upscaling(renderScale: upscale.scale.x, filter: upscale.filter)
            controller?.staticScale = upscale.scale.x
        }
        var refreshRate: RefreshRateControl?
        if controller != nil, profile.settings.controller.refreshRateAllowed, state.refreshRate != .off {
            refreshRate = RefreshRateControl(instance: state, session: created)
        }
        return SessionState(handle: handleKey(created), instance: state, telemetry: telemetry, throttle: throttle,
                            facts: facts, upscale: upscale, controller: controller, refreshRate: refreshRate,
                            foveation: foveation)
    }

    /// Before the runtime destroys the session, which frees its swapchain
    /// images: the pass and the layer's views of those images go first, then
    /// the gaze space; what the session sustained is learned.
    static func release(_ session: SessionState, swapchains: [SwapchainState]) {
        releaseUpscaling(session, swapchains: swapchains)
        releaseGaze(session)
        recordLearnedSettings(session)
    }

    /// After the runtime destroyed it: the telemetry completed (recording
    /// ended, live file removed) and the session's summary logged.
    static func close(_ session: SessionState, reason: String) {
        session.telemetry.close()
        logSessionSummary(session, reason: reason)
    }
}
