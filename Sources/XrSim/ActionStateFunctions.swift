import COpenXR
import XrSimCore

extension Registry {
    /// XR_NULL_PATH means "any"; otherwise it must be one the action was created with.
    func checkSubactionPath(_ path: XrPath, of action: ActionObject) throws(XrSimError) {
        guard path != XrPath(XR_NULL_PATH) else { return }
        _ = try pathString(path, in: action.instance)
        guard action.subactionPaths.contains(path) else { throw .pathUnsupported }
    }

    /// An action whose set is attached to `session` (spec 11.5: else ACTIONSET_NOT_ATTACHED).
    func attachedAction(_ handle: XrAction?, session: SessionObject, type: XrActionType?) throws(XrSimError) -> ActionObject {
        let action = try self.action(handle)
        guard action.instance == session.instance else { throw .handleInvalid }
        if let type, action.type != type { throw .actionTypeMismatch }
        guard session.attachedActionSets?.contains(action.actionSet) == true else { throw .actionSetNotAttached }
        return action
    }
}

/// Shared checks of the xrGetActionState* family. No controller is ever
/// connected, so every state is inactive and zero but the eye gaze's.
private func actionState<S>(_ session: XrSession?, _ getInfo: UnsafePointer<XrActionStateGetInfo>?,
                            _ state: UnsafeMutablePointer<S>?, stateType: XrStructureType, actionType: XrActionType,
                            typeOf: (S) -> XrStructureType,
                            fill: (inout S, _ gazeActive: Bool) -> Void) throws(XrSimError) -> XrResult {
    try locked { registry throws(XrSimError) -> XrResult in
        let object = try registry.session(session)
        let info = try required(getInfo).pointee
        let out = try required(state)
        try expectType(info.type, XR_TYPE_ACTION_STATE_GET_INFO)
        try expectType(typeOf(out.pointee), stateType)
        let action = try registry.attachedAction(info.action, session: object, type: actionType)
        try registry.checkSubactionPath(info.subactionPath, of: action)
        fill(&out.pointee, registry.isGazeActive(handleID(info.action), subactionPath: info.subactionPath, session: object))
        return XR_SUCCESS
    }
}

private let inactive = XrBool32(XR_FALSE)

func xrsimGetActionStateBoolean(_ session: XrSession?, _ getInfo: UnsafePointer<XrActionStateGetInfo>?,
                                _ state: UnsafeMutablePointer<XrActionStateBoolean>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try actionState(session, getInfo, state, stateType: XR_TYPE_ACTION_STATE_BOOLEAN, actionType: XR_ACTION_TYPE_BOOLEAN_INPUT,
                        typeOf: { $0.type }) { s, _ in
            (s.currentState, s.changedSinceLastSync, s.lastChangeTime, s.isActive) = (inactive, inactive, 0, inactive)
        }
    }
}

func xrsimGetActionStateFloat(_ session: XrSession?, _ getInfo: UnsafePointer<XrActionStateGetInfo>?,
                              _ state: UnsafeMutablePointer<XrActionStateFloat>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try actionState(session, getInfo, state, stateType: XR_TYPE_ACTION_STATE_FLOAT, actionType: XR_ACTION_TYPE_FLOAT_INPUT,
                        typeOf: { $0.type }) { s, _ in
            (s.currentState, s.changedSinceLastSync, s.lastChangeTime, s.isActive) = (0, inactive, 0, inactive)
        }
    }
}

func xrsimGetActionStateVector2f(_ session: XrSession?, _ getInfo: UnsafePointer<XrActionStateGetInfo>?,
                                 _ state: UnsafeMutablePointer<XrActionStateVector2f>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try actionState(session, getInfo, state, stateType: XR_TYPE_ACTION_STATE_VECTOR2F, actionType: XR_ACTION_TYPE_VECTOR2F_INPUT,
                        typeOf: { $0.type }) { s, _ in
            (s.currentState, s.changedSinceLastSync, s.lastChangeTime, s.isActive) = (XrVector2f(x: 0, y: 0), inactive, 0, inactive)
        }
    }
}

func xrsimGetActionStatePose(_ session: XrSession?, _ getInfo: UnsafePointer<XrActionStateGetInfo>?,
                             _ state: UnsafeMutablePointer<XrActionStatePose>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try actionState(session, getInfo, state, stateType: XR_TYPE_ACTION_STATE_POSE, actionType: XR_ACTION_TYPE_POSE_INPUT,
                        typeOf: { $0.type }) { s, gazeActive in s.isActive = XrBool32(gazeActive ? XR_TRUE : XR_FALSE) }
    }
}

func xrsimSyncActions(_ session: XrSession?, _ syncInfo: UnsafePointer<XrActionsSyncInfo>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.session(session)
            let info = try required(syncInfo).pointee
            try expectType(info.type, XR_TYPE_ACTIONS_SYNC_INFO)
            let inputPaths = registry.instanceOf(session: object)?.inputPaths ?? InputPaths(eyeGaze: false)
            var activeSets: [XrActiveActionSet] = []
            if info.countActiveActionSets > 0 {
                let active = try required(info.activeActionSets)
                for i in 0..<Int(info.countActiveActionSets) {
                    let set = try registry.actionSet(active[i].actionSet)
                    guard set.instance == object.instance else { throw .handleInvalid }
                    guard object.attachedActionSets?.contains(handleID(active[i].actionSet)) == true else { throw .actionSetNotAttached }
                    let path = active[i].subactionPath
                    if path != XrPath(XR_NULL_PATH) {
                        guard inputPaths.isTopLevelUserPath(try registry.pathString(path, in: object.instance)) else { throw .pathUnsupported }
                    }
                    activeSets.append(active[i])
                }
            }
            // Spec 11.6: input is only delivered to the focused session; an
            // unfocused one sees every action inactive.
            guard object.lifecycle.isFocused else {
                object.activeGazeActions = []
                return XrResult(.sessionNotFocused)
            }
            object.activeGazeActions = registry.gazeActions(syncing: activeSets, session: object)
            return XR_SUCCESS
        }
    }
}

func xrsimGetCurrentInteractionProfile(_ session: XrSession?, _ topLevelUserPath: XrPath,
                                       _ interactionProfile: UnsafeMutablePointer<XrInteractionProfileState>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.session(session)
            let out = try required(interactionProfile)
            try expectType(out.pointee.type, XR_TYPE_INTERACTION_PROFILE_STATE)
            guard let owner = registry.instanceOf(session: object) else { throw .handleInvalid }
            let user = try registry.pathString(topLevelUserPath, in: object.instance)
            guard owner.inputPaths.isTopLevelUserPath(user) else { throw .pathUnsupported }
            guard object.attachedActionSets != nil else { throw .actionSetNotAttached }
            if user == EyeGazePaths.user && object.eyeGazeProfileBound {
                out.pointee.interactionProfile = try owner.paths.atom(for: EyeGazePaths.profile)
            } else {
                out.pointee.interactionProfile = XrPath(XR_NULL_PATH)
            }
            return XR_SUCCESS
        }
    }
}

func xrsimEnumerateBoundSourcesForAction(_ session: XrSession?, _ enumerateInfo: UnsafePointer<XrBoundSourcesForActionEnumerateInfo>?,
                                         _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
                                         _ sources: UnsafeMutablePointer<XrPath>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let bound = try locked { registry throws(XrSimError) -> [XrPath] in
            let object = try registry.session(session)
            let info = try required(enumerateInfo).pointee
            try expectType(info.type, XR_TYPE_BOUND_SOURCES_FOR_ACTION_ENUMERATE_INFO)
            let action = try registry.attachedAction(info.action, session: object, type: nil)
            guard let owner = registry.instanceOf(session: object), owner.eyeGazeActions.contains(handleID(info.action)),
                action.type == XR_ACTION_TYPE_POSE_INPUT
            else { return [] }
            return [try owner.paths.atom(for: EyeGazePaths.poseInput)]
        }
        return try writeArray(bound, capacity: capacity, countOutput: countOutput, buffer: sources)
    }
}

/// A source is simply named by its path.
func xrsimGetInputSourceLocalizedName(_ session: XrSession?, _ getInfo: UnsafePointer<XrInputSourceLocalizedNameGetInfo>?,
                                      _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
                                      _ buffer: UnsafeMutablePointer<CChar>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let name = try locked { registry throws(XrSimError) -> String in
            let object = try registry.session(session)
            let info = try required(getInfo).pointee
            try expectType(info.type, XR_TYPE_INPUT_SOURCE_LOCALIZED_NAME_GET_INFO)
            guard info.whichComponents != 0 else { throw .validationFailure }
            let text = try registry.pathString(info.sourcePath, in: object.instance)
            guard object.attachedActionSets != nil else { throw .actionSetNotAttached }
            return text
        }
        return try writeString(name, capacity: capacity, countOutput: countOutput, buffer: buffer)
    }
}

private func haptic(_ session: XrSession?, _ actionInfo: UnsafePointer<XrHapticActionInfo>?) throws(XrSimError) -> XrResult {
    try locked { registry throws(XrSimError) -> XrResult in
        let object = try registry.session(session)
        let info = try required(actionInfo).pointee
        try expectType(info.type, XR_TYPE_HAPTIC_ACTION_INFO)
        let action = try registry.attachedAction(info.action, session: object, type: XR_ACTION_TYPE_VIBRATION_OUTPUT)
        try registry.checkSubactionPath(info.subactionPath, of: action)
        return object.lifecycle.isFocused ? XR_SUCCESS : XrResult(.sessionNotFocused)
    }
}

func xrsimApplyHapticFeedback(_ session: XrSession?, _ actionInfo: UnsafePointer<XrHapticActionInfo>?,
                              _ feedback: UnsafePointer<XrHapticBaseHeader>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let header = try required(feedback).pointee
        try expectType(header.type, XR_TYPE_HAPTIC_VIBRATION)
        return try haptic(session, actionInfo)
    }
}

func xrsimStopHapticFeedback(_ session: XrSession?, _ actionInfo: UnsafePointer<XrHapticActionInfo>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in try haptic(session, actionInfo) }
}
