/// Turns parsed JSON into a `ProfileDocument`, collecting every problem
/// instead of stopping at the first: a user fixing a profile sees them all.
public struct ProfileValidator {
    private let file: String
    private(set) var problems: [ProfileProblem] = []

    /// Parses and validates a profile file's bytes. The document is nil
    /// whenever there is a problem: half a profile is never applied.
    public static func load(
        _ bytes: [UInt8], file: String, limits: ProfileJSONLimits = ProfileJSONLimits()
    ) -> (document: ProfileDocument?, problems: [ProfileProblem]) {
        let json: ProfileJSON
        do {
            json = try ProfileJSONParser.parse(bytes, limits: limits)
        } catch {
            return (nil, [ProfileProblem(file: file, position: error.position, path: "", message: error.message)])
        }
        var validator = ProfileValidator(file: file)
        let document = validator.document(json)
        return validator.problems.isEmpty ? (document, []) : (nil, validator.problems)
    }

    private init(file: String) {
        self.file = file
    }

    private mutating func report(_ position: ProfilePosition, _ path: String, _ message: String) {
        problems.append(ProfileProblem(file: file, position: position, path: path, message: message))
    }

    private mutating func mismatch(_ json: ProfileJSON, _ path: String, expected: String) {
        report(json.position, path, "expected \(expected), found \(json.foundDescription)")
    }

    private mutating func unknown(_ member: ProfileJSON.Member, _ path: String, expected: [String]) {
        report(member.keyPosition, path, "unknown key; expected one of " + expected.joined(separator: ", "))
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    private mutating func document(_ json: ProfileJSON) -> ProfileDocument {
        var document = ProfileDocument()
        guard case .object(let members) = json.value else {
            mismatch(json, "", expected: "a profile object {\"version\": 1, ...}")
            return document
        }
        var sawVersion = false
        for member in members {
            let path = member.key
            switch member.key {
            case "version":
                sawVersion = true
                if case .number(let value, _) = member.value.value, value == Double(ProfileDocument.version) { break }
                mismatch(member.value, path, expected: "\(ProfileDocument.version)")
            case "defaults":
                document.defaults = settings(member.value, path)
            case "platforms":
                document.platforms = rules(member.value, path)
            case "apps":
                document.apps = rules(member.value, path)
            default:
                unknown(member, path, expected: ["version", "defaults", "platforms", "apps"])
            }
        }
        if !sawVersion {
            report(json.position, "version", "missing; expected \(ProfileDocument.version)")
        }
        return document
    }

    private mutating func rules(_ json: ProfileJSON, _ path: String) -> [ProfileRule] {
        guard case .array(let elements) = json.value else {
            mismatch(json, path, expected: "an array of rules")
            return []
        }
        var result: [ProfileRule] = []
        for (index, element) in elements.enumerated() {
            if let rule = rule(element, "\(path)[\(index)]") { result.append(rule) }
        }
        return result
    }

    private mutating func rule(_ json: ProfileJSON, _ path: String) -> ProfileRule? {
        guard case .object(let members) = json.value else {
            mismatch(json, path, expected: "a rule object {\"match\": {...}, \"settings\": {...}}")
            return nil
        }
        var rule = ProfileRule(match: ProfileMatch(), settings: ProfileSettingsLayer())
        var sawMatch = false
        var sawSettings = false
        for member in members {
            let memberPath = Self.join(path, member.key)
            switch member.key {
            case "name":
                if case .string(let text) = member.value.value {
                    rule.name = text
                } else {
                    mismatch(member.value, memberPath, expected: "a string")
                }
            case "match":
                sawMatch = true
                rule.match = match(member.value, memberPath)
            case "settings":
                sawSettings = true
                rule.settings = settings(member.value, memberPath)
            default:
                unknown(member, memberPath, expected: ["name", "match", "settings"])
            }
        }
        if !sawMatch { report(json.position, Self.join(path, "match"), "missing; expected an object") }
        if !sawSettings { report(json.position, Self.join(path, "settings"), "missing; expected an object") }
        return rule
    }

    private mutating func match(_ json: ProfileJSON, _ path: String) -> ProfileMatch {
        guard case .object(let members) = json.value else {
            mismatch(json, path, expected: "an object")
            return ProfileMatch()
        }
        var match = ProfileMatch()
        for member in members {
            let memberPath = Self.join(path, member.key)
            guard let key = ProfileMatchKey(rawValue: member.key) else {
                unknown(member, memberPath, expected: ProfileMatchKey.allCases.map(\.rawValue))
                continue
            }
            guard case .string(let pattern) = member.value.value, !pattern.isEmpty else {
                mismatch(member.value, memberPath, expected: key == .gpuVendor ? Self.vendorExpectation : "a non-empty string pattern")
                continue
            }
            if key == .gpuVendor, GPUVendor(rawValue: pattern.lowercased()) == nil {
                mismatch(member.value, memberPath, expected: Self.vendorExpectation)
                continue
            }
            match.conditions.append(ProfileMatch.Condition(key, pattern))
        }
        return match
    }

    private static let vendorExpectation = ProfileValueKind.choice(GPUVendor.allCases.map(\.rawValue)).expectation

    private mutating func settings(_ json: ProfileJSON, _ path: String) -> ProfileSettingsLayer {
        guard case .object(let members) = json.value else {
            mismatch(json, path, expected: "a settings object")
            return ProfileSettingsLayer()
        }
        var layer = ProfileSettingsLayer()
        var positions: [ProfileKey: ProfileJSON] = [:]
        for member in members {
            let memberPath = Self.join(path, member.key)
            if member.key == ProfileKey.preset.rawValue {
                setting(.preset, member.value, memberPath, into: &layer, positions: &positions)
                continue
            }
            guard ProfileKey.groups.contains(member.key) else {
                unknown(member, memberPath, expected: ["preset"] + ProfileKey.groups)
                continue
            }
            guard case .object(let groupMembers) = member.value.value else {
                mismatch(member.value, memberPath, expected: "an object")
                continue
            }
            let keys = ProfileKey.allCases.filter { $0.group == member.key }
            for groupMember in groupMembers {
                let keyPath = Self.join(memberPath, groupMember.key)
                guard let key = keys.first(where: { $0.name == groupMember.key }) else {
                    unknown(groupMember, keyPath, expected: keys.map(\.name))
                    continue
                }
                setting(key, groupMember.value, keyPath, into: &layer, positions: &positions)
            }
        }
        // Both ends in one object must make a range; across layers the
        // resolver orders them (a later layer may move only one end).
        if let low = layer[.controllerMinRenderScale]?.numberValue,
            let high = layer[.controllerMaxRenderScale]?.numberValue, low > high,
            let json = positions[.controllerMinRenderScale]
        {
            mismatch(
                json, Self.join(path, ProfileKey.controllerMinRenderScale.path),
                expected: "at most controller.maxRenderScale (\(ProfileText.number(high)))")
        }
        return layer
    }

    private mutating func setting(
        _ key: ProfileKey, _ json: ProfileJSON, _ path: String, into layer: inout ProfileSettingsLayer,
        positions: inout [ProfileKey: ProfileJSON]
    ) {
        guard let value = key.kind.accept(json) else {
            mismatch(json, path, expected: key.kind.expectation)
            return
        }
        layer.set(key, value)
        positions[key] = json
    }
}

extension ProfileValidator {
    /// The problem for a file too large to read at all: callers that know the
    /// size from the filesystem check it before reading 50 MB into memory.
    public static func oversized(byteCount: Int, file: String, limits: ProfileJSONLimits = ProfileJSONLimits()) -> ProfileProblem? {
        guard byteCount > limits.maximumBytes else { return nil }
        return ProfileProblem(
            file: file, position: ProfilePosition(line: 1, column: 1), path: "",
            message: "file is \(byteCount) bytes; a profile may be at most \(limits.maximumBytes) bytes")
    }
}
