import XrPerfCore

/// What `profile show` and `profile resolve` print, as text or JSON: one
/// Codable type so both outputs always say the same.
struct ProfileReport: Encodable {
    struct Setting: Encodable {
        var key: String
        var value: SettingValue
        var source: String
    }

    /// A setting's value as its JSON type.
    struct SettingValue: Encodable {
        var value: ProfileValue

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case .bool(let flag): try container.encode(flag)
            case .number(let number): try container.encode(number)
            case .text(let text): try container.encode(text)
            }
        }
    }

    var profile: String?
    var profileOrigin: String?
    var profileProblems: [String]
    var facts: PlatformFacts
    var applied: [String]
    var warnings: [String]
    var settings: [Setting]

    init(loaded: ProfileFile.Loaded?, facts: PlatformFacts, environment: [String: String]) {
        let resolved = ProfileResolver.resolve(document: loaded?.document, facts: facts, environment: environment)
        profile = loaded?.path
        profileOrigin = loaded?.origin
        profileProblems = loaded?.problems.map(\.description) ?? []
        self.facts = facts
        applied = resolved.applied
        warnings = resolved.warnings
        settings = resolved.settings.map {
            Setting(key: $0.key.path, value: SettingValue(value: $0.value), source: $0.source.description)
        }
    }

    var text: String {
        var lines: [String] = []
        if let profile {
            let state = profileProblems.isEmpty ? "" : " (invalid, ignored: run xrperf profile validate)"
            lines.append("profile: \(profile) (\(profileOrigin ?? ""))\(state)")
        } else {
            lines.append("profile: none (built-in defaults)")
        }
        let known = [
            ("application", facts.application), ("engine", facts.engine), ("runtime", facts.runtime),
            ("system", facts.system), ("gpuVendor", facts.gpuVendor?.rawValue ?? ""), ("gpuName", facts.gpuName),
            ("driver", facts.driver), ("os", facts.os),
        ].filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }
        lines.append("platform: " + (known.isEmpty ? "(nothing known)" : known.joined(separator: " ")))
        lines.append("applied: " + (applied.isEmpty ? "built-in defaults only" : applied.joined(separator: ", ")))
        for warning in warnings { lines.append("warning: \(warning)") }
        lines.append("")
        let width = settings.map { $0.key.count + 3 + $0.value.value.jsonText.count }.max() ?? 0
        for setting in settings {
            let left = "\(setting.key) = \(setting.value.value.jsonText)"
            lines.append(left + String(repeating: " ", count: width - left.count + 2) + setting.source)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func print(json: Bool) throws {
        for problem in profileProblems { TelemetryOutput.warn("profile", problem) }
        if json {
            try TelemetryOutput.printJSON(self)
        } else {
            Swift.print(text, terminator: "")
        }
    }
}
