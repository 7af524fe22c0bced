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
