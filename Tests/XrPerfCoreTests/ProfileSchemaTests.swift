import Foundation
import Testing
import XrPerfCore

/// docs/profile.schema.json and the Swift model must agree: every key of one
/// is in the other, with the same type, range, choices and default.
struct ProfileSchemaTests {
    static func schema() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/profile.schema.json")
        let data = try Data(contentsOf: url)
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func object(_ value: Any?, _ path: String...) -> [String: Any] {
        var current = value as? [String: Any] ?? [:]
        for key in path { current = current[key] as? [String: Any] ?? [:] }
        return current
    }

    @Test func settingsKeysAgree() throws {
        let schema = try Self.schema()
        let settings = Self.object(schema, "$defs", "settings", "properties")
        var schemaKeys: [String: [String: Any]] = [:]
        for (group, body) in settings {
            let properties = Self.object(body, "properties")
            if properties.isEmpty {
                schemaKeys[group] = body as? [String: Any]
            }
            for (name, spec) in properties { schemaKeys[group + "." + name] = spec as? [String: Any] }
        }
        #expect(Set(schemaKeys.keys) == Set(ProfileKey.allCases.map(\.path)))
        #expect(Set(settings.keys) == Set(["preset"] + ProfileKey.groups))
        for key in ProfileKey.allCases {
            let spec = try #require(schemaKeys[key.path], "\(key.path)")
            switch key.kind {
            case .bool: #expect(spec["type"] as? String == "boolean", "\(key.path)")
            case .text: #expect(spec["type"] as? String == "string", "\(key.path)")
            case .choice(let choices): #expect(spec["enum"] as? [String] == choices, "\(key.path)")
            case .number(let range), .integer(let range):
                let isInteger = if case .integer = key.kind { true } else { false }
                #expect(spec["type"] as? String == (isInteger ? "integer" : "number"), "\(key.path)")
                #expect((spec["minimum"] as? NSNumber)?.doubleValue == range.lowerBound, "\(key.path)")
                #expect((spec["maximum"] as? NSNumber)?.doubleValue == range.upperBound, "\(key.path)")
            }
            switch key.defaultValue {
            case .bool(let flag): #expect((spec["default"] as? NSNumber)?.boolValue == flag, "\(key.path)")
            case .number(let value): #expect((spec["default"] as? NSNumber)?.doubleValue == value, "\(key.path)")
            case .text(let text): #expect(spec["default"] as? String == text, "\(key.path)")
            }
            #expect((spec["description"] as? String)?.contains(key.environmentVariable) == true, "\(key.path)")
        }
    }

    @Test func fileAndRuleKeysAgree() throws {
        let schema = try Self.schema()
        #expect(Set(Self.object(schema, "properties").keys) == ["version", "defaults", "platforms", "apps"])
        #expect(Set(Self.object(schema, "$defs", "rule", "properties").keys) == ["name", "match", "settings"])
        let match = Self.object(schema, "$defs", "match", "properties")
        #expect(Set(match.keys) == Set(ProfileMatchKey.allCases.map(\.rawValue)))
        #expect(Self.object(match, "gpuVendor")["enum"] as? [String] == GPUVendor.allCases.map(\.rawValue))
        #expect((Self.object(schema, "properties", "version")["const"] as? NSNumber)?.intValue == ProfileDocument.version)
    }
}
