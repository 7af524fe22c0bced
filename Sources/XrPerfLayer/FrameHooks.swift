import COpenXR

// The frame loop: called every frame, so these only look up the session,
// forward, and (for xrEndFrame) count. No allocation, no lock held across
// the call down.

// Each hook reads the clock on entry, around the call down and on exit: the
// time outside the call down is the layer's own CPU time for the frame.

func layerWaitFrame(
    _ session: XrSession?, _ waitInfo: UnsafePointer<XrFrameWaitInfo>?, _ frameState: UnsafeMutablePointer<XrFrameState>?
) -> XrResult {
    let entered = monotonicNanoseconds()
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let wait = state.instance.next.waitFrame else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    let telemetry = state.telemetry
    telemetry.waitCalled(atNs: Int64(entered))
    // Decide the frame before anything waits: the divisor paces this very
    // wait, and the frame carries the decision to its end.
    let decision = state.controller?.decideNextFrame()
    if let decision, let controller = state.controller {
        state.refreshRate?.apply(decision, headroom: controller.headroom)
    }
    // The throttle sleeps before the runtime's wait, so the runtime paces
    // (and reprojects) around the frames the app does render.
    let divisor = max(state.throttle.divisor, UInt32(clamping: decision?.settings.frameDivisor ?? 1))
    let slept = state.throttle.pace(divisor: divisor)
    let callDown = monotonicNanoseconds()
    let result = wait(session, waitInfo, frameState)
    let returned = monotonicNanoseconds()
    if xrperf_succeeded(result) != 0, let frameState {
        telemetry.waitReturned(atNs: Int64(returned), state: frameState.pointee, frameDivisor: divisor,
                               decision: decision)
        state.throttle.frameWaited(atNs: Int64(returned), periodNs: frameState.pointee.predictedDisplayPeriod)
    }
    telemetry.addLayerTime(Int64(callDown - entered) - slept + Int64(monotonicNanoseconds() - returned))
    return result
}

func layerBeginFrame(_ session: XrSession?, _ beginInfo: UnsafePointer<XrFrameBeginInfo>?) -> XrResult {
    let entered = monotonicNanoseconds()
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let begin = state.instance.next.beginFrame else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    let callDown = monotonicNanoseconds()
    let result = begin(session, beginInfo)
    let returned = monotonicNanoseconds()
    if xrperf_succeeded(result) != 0 {
        state.telemetry.beginCalled(atNs: Int64(entered), discarded: result == XR_FRAME_DISCARDED)
    }
    state.telemetry.addLayerTime(Int64(callDown - entered) + Int64(monotonicNanoseconds() - returned))
    return result
}

func layerEndFrame(_ session: XrSession?, _ endInfo: UnsafePointer<XrFrameEndInfo>?) -> XrResult {
    let entered = monotonicNanoseconds()
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let end = state.instance.next.endFrame else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    let telemetry = state.telemetry
    let knobs = telemetry.endCalled(atNs: Int64(entered))
    let composed = endInfo.map { state.composer.compose($0.pointee, knobs: knobs) } ?? .unchanged
    if case .invalid(let error) = composed { return error }
    let callDown = monotonicNanoseconds()
    telemetry.addLayerTime(Int64(callDown - entered))
    let result: XrResult
    if case .rewritten(var info) = composed {
        result = end(session, &info)
    } else {
        result = end(session, endInfo)
    }
    let returned = monotonicNanoseconds()
    let succeeded = xrperf_succeeded(result) != 0
    telemetry.endReturned(atNs: Int64(returned), succeeded: succeeded,
                          layerGpuNs: state.upscale?.lastGpuNs.load(ordering: .relaxed) ?? 0)
    return result
}
