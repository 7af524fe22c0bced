import COpenXR
import XrPerfCore
import XrPerfVulkan

func layerCreateSession(
    _ instance: XrInstance?, _ createInfo: UnsafePointer<XrSessionCreateInfo>?,
    _ session: UnsafeMutablePointer<XrSession?>?
) -> XrResult {
    guard let state = Registry.instances.lookup(handleKey(instance)) else { return XR_ERROR_HANDLE_INVALID }
    guard let create = state.next.createSession else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    let result = create(instance, createInfo, session)
    if xrperf_succeeded(result) != 0, let session, let created = session.pointee {
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
            makeSessionUpscale(state, systemId: info.pointee.systemId, facts: facts, settings: profile.settings,
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
        let sessionState = SessionState(handle: handleKey(created), instance: state, telemetry: telemetry,
                                        throttle: throttle, facts: facts, upscale: upscale, controller: controller,
                                        refreshRate: refreshRate, foveation: foveation)
        Registry.sessions.insert(sessionState.handle, sessionState)
        ProfileWatcher.shared.startIfNeeded()
        logInfo("session created for app '\(state.applicationName)' on '\(system)'")
    }
    return result
}

/// The headset's name, for the telemetry header and per-platform tuning.
func systemName(of instance: InstanceState, systemId: XrSystemId) -> String {
    guard let getProperties = instance.next.getSystemProperties else { return "" }
    var properties = XrSystemProperties()
    properties.type = XR_TYPE_SYSTEM_PROPERTIES
    let handle = OpaquePointer(bitPattern: instance.handle)
    guard xrperf_succeeded(getProperties(handle, systemId, &properties)) != 0 else { return "" }
    return stringFromFixedArray(properties.systemName)
}

func layerDestroySession(_ session: XrSession?) -> XrResult {
    let key = handleKey(session)
    guard let state = Registry.sessions.lookup(key) else { return XR_ERROR_HANDLE_INVALID }
    guard let destroy = state.instance.next.destroySession else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    // The runtime frees its swapchain images with the session: the pass and
    // the layer's views of them go first.
    releaseUpscaling(state, swapchains: Registry.swapchains.snapshot().filter { $0.session === state })
    releaseGaze(state)
    recordLearnedSettings(state)
    let result = destroy(session)
    if xrperf_succeeded(result) != 0 {
        _ = Registry.swapchains.removeAll { $0.session === state }
        Registry.sessions.remove(key)
        state.telemetry.close()
        logSessionSummary(state, reason: "session destroyed")
    }
    return result
}

func layerLocateViews(
    _ session: XrSession?, _ locateInfo: UnsafePointer<XrViewLocateInfo>?,
    _ viewState: UnsafeMutablePointer<XrViewState>?, _ capacity: UInt32,
    _ countOutput: UnsafeMutablePointer<UInt32>?, _ views: UnsafeMutablePointer<XrView>?
) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let locate = state.instance.next.locateViews else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    if let foveation = state.foveation, let locateInfo, locateInfo.pointee.viewConfigurationType == quadViewConfiguration,
       foveation.isQuad.load(ordering: .acquiring) {
        return locateQuadViews(session, state, foveation, locate, locateInfo, viewState, capacity, countOutput, views)
    }
    return locate(session, locateInfo, viewState, capacity, countOutput, views)
}

/// One line per session with what the layer saw: the demo and the tests
/// read it, users see it with XRPERF_LOG_LEVEL=info.
func logSessionSummary(_ session: SessionState, reason: String) {
    let tally = session.telemetry.tally
    let rate = tally.framesPerSecond.map { String(Int(($0 * 10).rounded())) } ?? "0"
    let rateText = rate.count > 1 ? "\(rate.dropLast()).\(rate.suffix(1))" : "0.\(rate)"
    let millis = Int((tally.seconds * 1000).rounded())
    logInfo("session ended (\(reason)): frames=\(tally.frames) seconds=\(millis / 1000).\(String(millis % 1000).leftPadded(to: 3)) fps=\(rateText) app='\(session.instance.applicationName)'")
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
