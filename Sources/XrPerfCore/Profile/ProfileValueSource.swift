/// Where a resolved value came from: `xrperf profile show` prints it and the
/// layer logs it, so "why is my render scale 0.7" has an answer.
public enum ProfileValueSource: Sendable, Equatable {
    case builtInDefault
    /// The `defaults` object of the profile file.
    case profileDefaults
    /// An entry of the built-in platform table, by id.
    case platformTable(String)
    case profilePlatform(Int)
    case profileApp(Int)
    case environment(String)
    /// A preset's bundle, chosen in the layer `via` names.
    indirect case preset(ProfilePreset, via: ProfileValueSource)

    public var description: String {
        switch self {
        case .builtInDefault: return "built-in default"
        case .profileDefaults: return "profile defaults"
        case .platformTable(let id): return "platform table \(id)"
        case .profilePlatform(let index): return "profile platforms[\(index)]"
        case .profileApp(let index): return "profile apps[\(index)]"
        case .environment(let name): return "environment \(name)"
        case .preset(let preset, let via): return "preset \(preset.rawValue) (\(via.description))"
        }
    }
}
