import COpenXR
import Glibc

/// The layer's own eye-gaze action (XR_EXT_eye_gaze_interaction), created on
/// the instance below the app so the app never sees it: an action set with
/// one pose action bound to /user/eyes_ext/input/gaze_ext/pose. It joins the
/// app's action sets when the app attaches and syncs them (GazeHooks), since
/// a session takes exactly one attach call.
final class GazeActions: @unchecked Sendable {
    static let profileName = "/interaction_profiles/ext/eye_gaze_interaction"
    static let posePathName = "/user/eyes_ext/input/gaze_ext/pose"

    let actionSet: XrActionSet
    let action: XrAction
    let profilePath: XrPath
    let posePath: XrPath

    /// nil (logged) when the runtime refuses any step; the focus then stays
    /// at its fixed place.
    init?(instance handle: UInt, next: NextDispatch) {
        let instance = OpaquePointer(bitPattern: handle)
        guard let stringToPath = next.stringToPath, let createActionSet = next.createActionSet,
              let createAction = next.createAction, let suggest = next.suggestInteractionProfileBindings else { return nil }
        var profile: XrPath = 0
        var pose: XrPath = 0
        guard stringToPath(instance, Self.profileName, &profile) == XR_SUCCESS,
              stringToPath(instance, Self.posePathName, &pose) == XR_SUCCESS else {
            logWarn("eye gaze: the runtime does not know the eye gaze paths; the focus views stay fixed")
            return nil
        }
        var setInfo = XrActionSetCreateInfo()
        setInfo.type = XR_TYPE_ACTION_SET_CREATE_INFO
        copyName("xrperf_eye_gaze", into: &setInfo.actionSetName)
        copyName("xrperf eye gaze", into: &setInfo.localizedActionSetName)
        var set: XrActionSet?
        guard createActionSet(instance, &setInfo, &set) == XR_SUCCESS, let set else {
            logWarn("eye gaze: the runtime refused the layer's action set; the focus views stay fixed")
            return nil
        }
        var actionInfo = XrActionCreateInfo()
        actionInfo.type = XR_TYPE_ACTION_CREATE_INFO
        actionInfo.actionType = XR_ACTION_TYPE_POSE_INPUT
        copyName("gaze", into: &actionInfo.actionName)
        copyName("gaze", into: &actionInfo.localizedActionName)
        var action: XrAction?
        guard createAction(set, &actionInfo, &action) == XR_SUCCESS, let action else {
            logWarn("eye gaze: the runtime refused the layer's gaze action; the focus views stay fixed")
            return nil
        }
        actionSet = set
        self.action = action
        profilePath = profile
        posePath = pose
        // The app may suggest bindings for the same profile later: GazeHooks
        // adds this binding to that call, which replaces this one.
        let result = withBinding { bindings, count in
            var suggested = XrInteractionProfileSuggestedBinding()
            suggested.type = XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING
            suggested.interactionProfile = profile
            suggested.countSuggestedBindings = UInt32(count)
            suggested.suggestedBindings = bindings
            return suggest(instance, &suggested)
        }
        if result != XR_SUCCESS {
            logWarn("eye gaze: the runtime refused the gaze binding (XrResult \(result.rawValue)); the focus views stay fixed")
            return nil
        }
    }

    /// `body` with the layer's one binding.
    func withBinding<Result>(_ body: (UnsafePointer<XrActionSuggestedBinding>, Int) -> Result) -> Result {
        var binding = XrActionSuggestedBinding(action: action, binding: posePath)
        return withUnsafePointer(to: &binding) { body($0, 1) }
    }
}
