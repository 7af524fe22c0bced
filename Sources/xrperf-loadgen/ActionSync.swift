import COpenXR

/// --actions: input the way an ordinary app sets it up. One action set with
/// one boolean action, suggested for the simple controller's left select
/// button, attached to the session; xrSyncActions every frame before
/// xrLocateViews. A layer that reads eye gaze through actions of its own adds
/// its set to exactly these calls, so they must be the standard ones.
final class ActionSync {
    static let profile = "/interaction_profiles/khr/simple_controller"
    static let binding = "/user/hand/left/input/select/click"

    private var actionSet: XrActionSet?
    private var action: XrAction?
    /// Passed to xrSyncActions every frame; allocated once.
    private let active = UnsafeMutablePointer<XrActiveActionSet>.allocate(capacity: 1)

    init(connection: XrConnection, session: XrSession) throws(LoadgenError) {
        active.initialize(to: XrActiveActionSet())
        do throws(LoadgenError) {
            try create(connection, session)
        } catch {
            destroy()
            throw error
        }
    }

    private func create(_ connection: XrConnection, _ session: XrSession) throws(LoadgenError) {
        var setInfo = XrActionSetCreateInfo()
        setInfo.type = XR_TYPE_ACTION_SET_CREATE_INFO
        copyCString("loadgen", into: &setInfo.actionSetName)
        copyCString("xrperf-loadgen", into: &setInfo.localizedActionSetName)
        setInfo.priority = 0
        try connection.check(xrCreateActionSet(connection.instance, &setInfo, &actionSet), "xrCreateActionSet")

        var actionInfo = XrActionCreateInfo()
        actionInfo.type = XR_TYPE_ACTION_CREATE_INFO
        actionInfo.actionType = XR_ACTION_TYPE_BOOLEAN_INPUT
        copyCString("select", into: &actionInfo.actionName)
        copyCString("Select", into: &actionInfo.localizedActionName)
        try connection.check(xrCreateAction(actionSet, &actionInfo, &action), "xrCreateAction")

        var suggested = XrActionSuggestedBinding(action: action, binding: try path(connection, Self.binding))
        let profile = try path(connection, Self.profile)
        let suggestResult = withUnsafePointer(to: &suggested) { suggested in
            var info = XrInteractionProfileSuggestedBinding()
            info.type = XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING
            info.interactionProfile = profile
            info.countSuggestedBindings = 1
            info.suggestedBindings = suggested
            return xrSuggestInteractionProfileBindings(connection.instance, &info)
        }
        try connection.check(suggestResult, "xrSuggestInteractionProfileBindings")

        let attachResult = withUnsafePointer(to: actionSet) { sets in
            var info = XrSessionActionSetsAttachInfo()
            info.type = XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO
            info.countActionSets = 1
            info.actionSets = sets
            return xrAttachSessionActionSets(session, &info)
        }
        try connection.check(attachResult, "xrAttachSessionActionSets")
        active.pointee.actionSet = actionSet
        active.pointee.subactionPath = 0  // XR_NULL_PATH: every subaction path
    }

    private func path(_ connection: XrConnection, _ text: String) throws(LoadgenError) -> XrPath {
        var path: XrPath = 0
        try connection.check(xrStringToPath(connection.instance, text, &path), "xrStringToPath(\(text))")
        return path
    }

    /// XR_SESSION_NOT_FOCUSED (no input while another app has focus) is a
    /// success code and passes.
    func sync(session: XrSession, connection: XrConnection) throws(LoadgenError) {
        var info = XrActionsSyncInfo()
        info.type = XR_TYPE_ACTIONS_SYNC_INFO
        info.countActiveActionSets = 1
        info.activeActionSets = UnsafePointer(active)
        try connection.check(xrSyncActions(session, &info), "xrSyncActions")
    }

    /// Destroys the set and with it its action.
    func destroy() {
        if let actionSet { xrDestroyActionSet(actionSet) }
        actionSet = nil
        action = nil
        active.deallocate()
    }
}
