import COpenXR
import XrSimCore

/// XR_EXT_eye_gaze_interaction in the action system: the one input XrSim
/// has. An action is gaze-bound through xrSuggestInteractionProfileBindings,
/// made active by xrSyncActions and located through its action spaces.
extension Registry {
    /// Whether a subaction path lets the gaze through: XR_NULL_PATH (any) or /user/eyes_ext.
    func selectsEyes(_ path: XrPath, instance: UInt64) -> Bool {
        path == XrPath(XR_NULL_PATH) || instances[instance]?.paths.string(for: path) == EyeGazePaths.user
    }

    /// The gaze-bound pose actions that an xrSyncActions of these active sets
    /// (already checked) makes active on a focused session.
    func gazeActions(syncing active: [XrActiveActionSet], session: SessionObject) -> Set<UInt64> {
        guard let instance = instanceOf(session: session), !instance.eyeGazeActions.isEmpty else { return [] }
        var result: Set<UInt64> = []
        for entry in active where selectsEyes(entry.subactionPath, instance: session.instance) {
            let set = handleID(entry.actionSet)
            for id in instance.eyeGazeActions {
                if let action = actions[id], action.actionSet == set, action.type == XR_ACTION_TYPE_POSE_INPUT { result.insert(id) }
            }
        }
        return result
    }

    /// Whether the latest sync left `action` active for `subactionPath`.
    func isGazeActive(_ action: UInt64, subactionPath: XrPath, session: SessionObject) -> Bool {
        session.activeGazeActions.contains(action) && selectsEyes(subactionPath, instance: session.instance)
    }

    /// An action space's pose in the STAGE frame at `time`: the scripted gaze
    /// while its action is active and the eyes are tracked, else nil.
    func actionSpacePose(action: UInt64, eyes: Bool, offset: Pose, session id: UInt64, time: Int64) -> Pose? {
        guard eyes, actions[action] != nil, let session = sessions[id], session.activeGazeActions.contains(action),
            let gaze = EyeGaze.poseInStage(session.gaze.sample(at: time))
        else { return nil }
        return gaze.composed(with: offset)
    }
}
