import COpenXR
import XrSimCore

/// Checks a name and its localized name (spec 11.2): empty -> NAME_INVALID,
/// not one well-formed path component -> PATH_FORMAT_INVALID.
private func checkNames<A, B>(_ name: A, _ localized: B) throws(XrSimError) -> (String, String) {
    guard let name = fixedString(name), let localized = fixedString(localized) else { throw .validationFailure }
    guard !name.isEmpty else { throw .nameInvalid }
    guard isWellFormedName(name) else { throw .pathFormatInvalid }
    guard !localized.isEmpty else { throw .localizedNameInvalid }
    return (name, localized)
}

func xrsimCreateActionSet(_ instance: XrInstance?, _ createInfo: UnsafePointer<XrActionSetCreateInfo>?,
                          _ actionSet: UnsafeMutablePointer<XrActionSet?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            _ = try registry.instance(instance)
            let info = try required(createInfo).pointee
            let out = try required(actionSet)
            try expectType(info.type, XR_TYPE_ACTION_SET_CREATE_INFO)
            let (name, localized) = try checkNames(info.actionSetName, info.localizedActionSetName)
            let owner = handleID(instance)
            let siblings = registry.actionSets.handles(where: { $0.instance == owner }).compactMap { registry.actionSets[$0] }
            guard !siblings.contains(where: { $0.name == name }) else { throw .nameDuplicated }
            guard !siblings.contains(where: { $0.localizedName == localized }) else { throw .localizedNameDuplicated }
            let id = registry.allocator.allocate()
            registry.actionSets.insert(ActionSetObject(instance: owner, name: name, localizedName: localized), as: id)
            out.pointee = makeHandle(id)
            return XR_SUCCESS
        }
    }
}

func xrsimDestroyActionSet(_ actionSet: XrActionSet?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            _ = try registry.actionSet(actionSet)
            registry.removeActionSet(handleID(actionSet))
            return XR_SUCCESS
        }
    }
}

private let actionTypes: Set<XrActionType> = [
    XR_ACTION_TYPE_BOOLEAN_INPUT, XR_ACTION_TYPE_FLOAT_INPUT, XR_ACTION_TYPE_VECTOR2F_INPUT,
    XR_ACTION_TYPE_POSE_INPUT, XR_ACTION_TYPE_VIBRATION_OUTPUT,
]

func xrsimCreateAction(_ actionSet: XrActionSet?, _ createInfo: UnsafePointer<XrActionCreateInfo>?,
                       _ action: UnsafeMutablePointer<XrAction?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let set = try registry.actionSet(actionSet)
            let info = try required(createInfo).pointee
            let out = try required(action)
            try expectType(info.type, XR_TYPE_ACTION_CREATE_INFO)
            let (name, localized) = try checkNames(info.actionName, info.localizedActionName)
            guard actionTypes.contains(info.actionType) else { throw .validationFailure }
            guard !set.attached else { throw .actionSetsAlreadyAttached }
            var subactionPaths: [XrPath] = []
            if info.countSubactionPaths > 0 {
                let paths = try required(info.subactionPaths)
                let inputPaths = registry.instances[set.instance]?.inputPaths ?? InputPaths(eyeGaze: false)
                for i in 0..<Int(info.countSubactionPaths) {
                    let text = try registry.pathString(paths[i], in: set.instance)
                    // Spec 11.3: only top-level user paths, each at most once.
                    guard inputPaths.isTopLevelUserPath(text), !subactionPaths.contains(paths[i]) else { throw .pathUnsupported }
                    subactionPaths.append(paths[i])
                }
            }
            guard !set.actionNames.contains(name) else { throw .nameDuplicated }
            guard !set.actionLocalizedNames.contains(localized) else { throw .localizedNameDuplicated }
            set.actionNames.insert(name)
            set.actionLocalizedNames.insert(localized)
            let id = registry.allocator.allocate()
            registry.actions.insert(ActionObject(actionSet: handleID(actionSet), instance: set.instance, name: name,
                                                 localizedName: localized, type: info.actionType, subactionPaths: subactionPaths), as: id)
            out.pointee = makeHandle(id)
            return XR_SUCCESS
        }
    }
}

func xrsimDestroyAction(_ action: XrAction?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.action(action)
            if let set = registry.actionSets[object.actionSet] {
                set.actionNames.remove(object.name)
                set.actionLocalizedNames.remove(object.localizedName)
            }
            registry.actions.remove(handleID(action))
            return XR_SUCCESS
        }
    }
}

func xrsimSuggestInteractionProfileBindings(_ instance: XrInstance?,
                                            _ suggestedBindings: UnsafePointer<XrInteractionProfileSuggestedBinding>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.instance(instance)
            let info = try required(suggestedBindings).pointee
            try expectType(info.type, XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING)
            guard info.countSuggestedBindings > 0 else { throw .validationFailure }
            let bindings = try required(info.suggestedBindings)
            let profile = try registry.pathString(info.interactionProfile, in: handleID(instance))
            let inputPaths = object.inputPaths
            guard inputPaths.isKnownProfile(profile) else {
                Log.warn("unknown interaction profile \(profile)"
                         + (profile == EyeGazePaths.profile ? " (XR_EXT_eye_gaze_interaction is not enabled)" : ""))
                throw .pathUnsupported
            }
            var bound: Set<UInt64> = []
            for i in 0..<Int(info.countSuggestedBindings) {
                let action = try registry.action(bindings[i].action)
                guard action.instance == handleID(instance) else { throw .handleInvalid }
                let binding = try registry.pathString(bindings[i].binding, in: handleID(instance))
                guard inputPaths.isPlausibleBinding(binding, forProfile: profile) else {
                    Log.warn("binding \(binding) is not a path of \(profile)")
                    throw .pathUnsupported
                }
                bound.insert(handleID(bindings[i].action))
            }
            guard !object.actionSetsAttached else { throw .actionSetsAlreadyAttached }
            // A later suggestion for a profile replaces the earlier one (spec 11.4).
            if profile == EyeGazePaths.profile { object.eyeGazeActions = bound }
            return XR_SUCCESS
        }
    }
}

func xrsimAttachSessionActionSets(_ session: XrSession?, _ attachInfo: UnsafePointer<XrSessionActionSetsAttachInfo>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.session(session)
            let info = try required(attachInfo).pointee
            try expectType(info.type, XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO)
            guard info.countActionSets > 0 else { throw .validationFailure }
            let handles = try required(info.actionSets)
            var sets: [UInt64] = []
            for i in 0..<Int(info.countActionSets) {
                let set = try registry.actionSet(handles[i])
                guard set.instance == object.instance else { throw .handleInvalid }
                sets.append(handleID(handles[i]))
            }
            guard object.attachedActionSets == nil else { throw .actionSetsAlreadyAttached }
            for id in sets { registry.actionSets[id]?.attached = true }
            object.attachedActionSets = sets
            let owner = registry.instanceOf(session: object)
            owner?.actionSetsAttached = true
            // The eye tracker is always there: binding the gaze selects its profile for /user/eyes_ext.
            let gazeBound = owner?.eyeGazeActions.contains { registry.actions[$0].map { sets.contains($0.actionSet) } ?? false } ?? false
            if gazeBound {
                object.eyeGazeProfileBound = true
                owner?.events.push(.interactionProfileChanged(session: handleID(session)))
            }
            return XR_SUCCESS
        }
    }
}
