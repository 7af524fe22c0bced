import COpenXR

// The frame loop: called every frame, so these only look up the session,
// forward, and (for xrEndFrame) count. No allocation, no lock held across
// the call down.

func layerWaitFrame(
    _ session: XrSession?, _ waitInfo: UnsafePointer<XrFrameWaitInfo>?, _ frameState: UnsafeMutablePointer<XrFrameState>?
) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let wait = state.instance.next.waitFrame else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    return wait(session, waitInfo, frameState)
}

func layerBeginFrame(_ session: XrSession?, _ beginInfo: UnsafePointer<XrFrameBeginInfo>?) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let begin = state.instance.next.beginFrame else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    return begin(session, beginInfo)
}

func layerEndFrame(_ session: XrSession?, _ endInfo: UnsafePointer<XrFrameEndInfo>?) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let end = state.instance.next.endFrame else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    let result = end(session, endInfo)
    if xrperf_succeeded(result) != 0 {
        let now = monotonicNanoseconds()
        state.tally.withLock { $0.recordFrame(atNanoseconds: now) }
    }
    return result
}
