/// One setting's value, whatever its type: settings layers and the resolved
/// profile hold these, the typed `ProfileSettings` is read from them.
public enum ProfileValue: Sendable, Equatable {
    case bool(Bool)
    /// Integers too: the key's kind says whether a fraction is allowed.
    case number(Double)
    /// Free text and the choices of an enumerated key.
    case text(String)

    /// As the CLI prints it and as JSON writes it (strings quoted).
    public var jsonText: String {
        switch self {
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let value): return ProfileText.number(value)
        case .text(let text): return "\"\(ProfileText.escaped(text, limit: Int.max))\""
        }
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
