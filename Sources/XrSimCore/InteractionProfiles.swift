/// Top-level user paths of the core spec (6.3.1, "/user paths").
public let topLevelUserPaths: Set<String> = [
    "/user/hand/left", "/user/hand/right", "/user/head", "/user/gamepad", "/user/treadmill",
]

/// The interaction profiles of the core spec (6.4) XrSim accepts in
/// xrSuggestInteractionProfileBindings, with the user paths each one binds.
public let interactionProfiles: [String: Set<String>] = {
    let hands: Set<String> = ["/user/hand/left", "/user/hand/right"]
    return [
        "/interaction_profiles/khr/simple_controller": hands,
        "/interaction_profiles/google/daydream_controller": hands,
        "/interaction_profiles/htc/vive_controller": hands,
        "/interaction_profiles/htc/vive_pro": ["/user/head"],
        "/interaction_profiles/microsoft/motion_controller": hands,
        "/interaction_profiles/microsoft/xbox_controller": ["/user/gamepad"],
        "/interaction_profiles/oculus/go_controller": hands,
        "/interaction_profiles/oculus/touch_controller": hands,
        "/interaction_profiles/valve/index_controller": hands,
    ]
}()

/// Whether `binding` names an input or output under one of the profile's user
/// paths (component names themselves are not checked against the profile).
public func isPlausibleBinding(_ binding: String, forProfile profile: String) -> Bool {
    guard let users = interactionProfiles[profile] else { return false }
    return users.contains { user in
        binding.hasPrefix(user + "/input/") || binding.hasPrefix(user + "/output/")
    }
}

/// The paths XR_EXT_eye_gaze_interaction adds; they exist only on instances
/// that enabled it.
public enum EyeGazePaths {
    public static let profile = "/interaction_profiles/ext/eye_gaze_interaction"
    public static let user = "/user/eyes_ext"
    /// The input itself, as xrEnumerateBoundSourcesForAction names it.
    public static let poseInput = "/user/eyes_ext/input/gaze_ext/pose"
    /// The profile's one input; spec 6.3.2 lets a binding leave out the
    /// component of an input that has only one.
    public static let bindings: Set<String> = [poseInput, "/user/eyes_ext/input/gaze_ext"]
}

/// The input paths of one instance: the core ones, plus eye gaze when enabled.
public struct InputPaths: Sendable {
    public let eyeGaze: Bool

    public init(eyeGaze: Bool) { self.eyeGaze = eyeGaze }

    public func isTopLevelUserPath(_ path: String) -> Bool {
        topLevelUserPaths.contains(path) || (eyeGaze && path == EyeGazePaths.user)
    }

    public func isKnownProfile(_ profile: String) -> Bool {
        interactionProfiles[profile] != nil || (eyeGaze && profile == EyeGazePaths.profile)
    }

    /// The eye gaze profile has a single input, so it is checked exactly.
    public func isPlausibleBinding(_ binding: String, forProfile profile: String) -> Bool {
        if eyeGaze && profile == EyeGazePaths.profile { return EyeGazePaths.bindings.contains(binding) }
        return XrSimCore.isPlausibleBinding(binding, forProfile: profile)
    }
}
