import COpenXR

// The app's action calls, where the layer's gaze action joins in: its
// binding is added to the app's suggestions for the eye-gaze profile (a
// later suggestion for a profile replaces the earlier), its action set to
// the app's one attach call and to every sync. Without the layer's gaze
// action these calls pass straight through.

func layerSuggestInteractionProfileBindings(
    _ instance: XrInstance?, _ suggested: UnsafePointer<XrInteractionProfileSuggestedBinding>?
) -> XrResult {
    guard let state = Registry.instances.lookup(handleKey(instance)) else { return XR_ERROR_HANDLE_INVALID }
    guard let suggest = state.next.suggestInteractionProfileBindings else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    guard let gaze = state.foveation?.gaze, let suggested, suggested.pointee.interactionProfile == gaze.profilePath,
          let appBindings = suggested.pointee.suggestedBindings
    else { return suggest(instance, suggested) }
    var bindings = Array(UnsafeBufferPointer(start: appBindings, count: Int(suggested.pointee.countSuggestedBindings)))
    gaze.withBinding { ours, count in bindings.append(contentsOf: UnsafeBufferPointer(start: ours, count: count)) }
    var merged = suggested.pointee
    merged.countSuggestedBindings = UInt32(bindings.count)
    return bindings.withUnsafeBufferPointer { buffer in
        merged.suggestedBindings = buffer.baseAddress
        return suggest(instance, &merged)
    }
}

func layerAttachSessionActionSets(
    _ session: XrSession?, _ attachInfo: UnsafePointer<XrSessionActionSetsAttachInfo>?
) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let attach = state.instance.next.attachSessionActionSets else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    guard let foveation = state.foveation, foveation.followsGaze, let gaze = foveation.instance.gaze, let attachInfo,
          let appSets = attachInfo.pointee.actionSets
    else { return attach(session, attachInfo) }
    var sets = Array(UnsafeBufferPointer(start: appSets, count: Int(attachInfo.pointee.countActionSets)))
    sets.append(gaze.actionSet)
    var withOurs = attachInfo.pointee
    withOurs.countActionSets = UInt32(sets.count)
    let result = sets.withUnsafeBufferPointer { buffer in
        withOurs.actionSets = buffer.baseAddress
        return attach(session, &withOurs)
    }
    guard xrperf_succeeded(result) != 0 else {
        // The app's own call must not fail because of the layer: ask again
        // as the app asked (its error, if any, is the app's).
        let appResult = attach(session, attachInfo)
        if xrperf_succeeded(appResult) != 0 {
            logWarn("eye gaze: the runtime refused the layer's action set (XrResult \(result.rawValue)); the focus views stay fixed")
        }
        return appResult
    }
    foveation.setSpace(createGazeSpace(state, gaze))
    return result
}

func layerSyncActions(_ session: XrSession?, _ syncInfo: UnsafePointer<XrActionsSyncInfo>?) -> XrResult {
    guard let state = Registry.sessions.lookup(handleKey(session)) else { return XR_ERROR_HANDLE_INVALID }
    guard let sync = state.instance.next.syncActions else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    guard let foveation = state.foveation, foveation.space != nil, let gaze = foveation.instance.gaze, let syncInfo,
          syncInfo.pointee.countActiveActionSets > 0, let appSets = syncInfo.pointee.activeActionSets,
          Int(syncInfo.pointee.countActiveActionSets) < SessionFoveation.maximumActiveSets
    else { return sync(session, syncInfo) }
    let appCount = Int(syncInfo.pointee.countActiveActionSets)
    // On the stack: apps may sync from any thread, and the frame path
    // allocates nothing.
    return withUnsafeTemporaryAllocation(of: XrActiveActionSet.self, capacity: appCount + 1) { sets in
        guard let base = sets.baseAddress else { return sync(session, syncInfo) }
        base.initialize(from: appSets, count: appCount)
        (base + appCount).initialize(to: XrActiveActionSet(actionSet: gaze.actionSet, subactionPath: 0))
        var withOurs = syncInfo.pointee
        withOurs.countActiveActionSets = UInt32(appCount + 1)
        withOurs.activeActionSets = UnsafePointer(base)
        return sync(session, &withOurs)
    }
}

/// The session's space following the gaze action, or nil (logged).
private func createGazeSpace(_ state: SessionState, _ gaze: GazeActions) -> XrSpace? {
    guard let create = state.instance.next.createActionSpace else { return nil }
    var info = XrActionSpaceCreateInfo()
    info.type = XR_TYPE_ACTION_SPACE_CREATE_INFO
    info.action = gaze.action
    info.poseInActionSpace.orientation.w = 1
    var space: XrSpace?
    let result = create(OpaquePointer(bitPattern: state.handle), &info, &space)
    guard result == XR_SUCCESS, let space else {
        logWarn("eye gaze: the runtime refused the gaze space (XrResult \(result.rawValue)); the focus views stay fixed")
        return nil
    }
    logInfo("eye gaze: the focus views follow the gaze")
    return space
}

/// At session end, before the runtime's session goes.
func releaseGaze(_ session: SessionState) {
    guard let space = session.foveation?.takeSpace(), let destroy = session.instance.next.destroySpace else { return }
    _ = destroy(space)
}
