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
        let sessionState = SessionLifecycle.make(state, createInfo, created)
        Registry.sessions.insert(sessionState.handle, sessionState)
        ProfileWatcher.shared.startIfNeeded()
        logInfo("session created for app '\(state.applicationName)' on '\(sessionState.facts.system)'")
    }
    return result
}

func layerBeginSession(_ session: XrSession?, _ beginInfo: UnsafePointer<XrSessionBeginInfo>?) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let begin = state.instance.next.beginSession else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    if let foveation = state.foveation, let beginInfo, foveation.takesQuadViews(beginInfo.pointee) {
        return beginWithQuadViews(session, state, foveation, beginInfo.pointee, begin)
    }
    return begin(session, beginInfo)
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
    SessionLifecycle.release(state, swapchains: Registry.swapchains.snapshot().filter { $0.session === state })
    let result = destroy(session)
    if xrperf_succeeded(result) != 0 {
        _ = Registry.swapchains.removeAll { $0.session === state }
        Registry.sessions.remove(key)
        SessionLifecycle.close(state, reason: "session destroyed")
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
