/// What a setting accepts: the one description validation, environment
/// parsing, docs and the JSON Schema test all read.
public enum ProfileValueKind: Sendable, Equatable {
    case bool
    case number(ClosedRange<Double>)
    case integer(ClosedRange<Double>)
    case choice([String])
    case text

    /// "expected ..." in an error message.
    public var expectation: String {
        switch self {
        case .bool: return "true or false"
        case .number(let range):
            return "a number from \(ProfileText.number(range.lowerBound)) to \(ProfileText.number(range.upperBound))"
        case .integer(let range):
            return "an integer from \(ProfileText.number(range.lowerBound)) to \(ProfileText.number(range.upperBound))"
        case .choice(let choices): return "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        case .text: return "a string"
        }
    }

    /// The value if `json` is acceptable, nil otherwise.
    public func accept(_ json: ProfileJSON) -> ProfileValue? {
        switch (self, json.value) {
        case (.bool, .bool(let flag)): return .bool(flag)
        case (.number(let range), .number(let value, _)) where range.contains(value): return .number(value)
        case (.integer(let range), .number(let value, _)) where range.contains(value) && value == value.rounded():
            return .number(value)
        case (.choice(let choices), .string(let text)) where choices.contains(text): return .text(text)
        case (.text, .string(let text)): return .text(text)
        default: return nil
        }
    }

    /// The value of an environment variable's text, nil when not acceptable.
    /// Booleans take 1/0, true/false, on/off, yes/no: what shell users type.
    public func accept(environment text: String) -> ProfileValue? {
        switch self {
        case .bool:
            switch text.lowercased() {
            case "1", "true", "on", "yes": return .bool(true)
            case "0", "false", "off", "no": return .bool(false)
            default: return nil
            }
        case .number, .integer:
            guard let value = Double(text) else { return nil }
            return accept(ProfileJSON(value: .number(value, text: text), position: ProfilePosition(line: 0, column: 0)))
        case .choice(let choices):
            let lowered = text.lowercased()
            return choices.contains(lowered) ? .text(lowered) : nil
        case .text: return .text(text)
        }
    }
}
