import Testing
import XrPerfCore

/// Bad profiles, each with the exact first error a user sees.
struct ProfileValidationTests {
    static func problems(_ text: String) -> [String] {
        problems(Array(text.utf8))
    }

    static func problems(_ bytes: [UInt8]) -> [String] {
        ProfileValidator.load(bytes, file: "p.json").problems.map(\.description)
    }

    static let cases: [(String, String)] = [
        ("", "p.json:1:1: empty file: expected a JSON object"),
        ("  \n\t ", "p.json:1:1: empty file: expected a JSON object"),
        ("{", "p.json:1:2: expected a string key, found end of file"),
        ("{\"version\": 1", "p.json:1:14: expected ',' or '}' after an object member, found end of file"),
        ("{\"version\": 1,}", "p.json:1:15: expected a string key, found '}'"),
        ("{\"version\" 1}", "p.json:1:12: expected ':' after the key, found '1'"),
        ("{version: 1}", "p.json:1:2: expected a string key, found 'v'"),
        ("{\"version\": 1} x", "p.json:1:16: expected end of file after the top-level value, found 'x'"),
        ("{\"version\": 01}", "p.json:1:13: invalid number: leading zero"),
        ("{\"version\": 1.}", "p.json:1:15: invalid number: expected a digit after '.', found '}'"),
        ("{\"version\": -}", "p.json:1:14: invalid number: expected a digit, found '}'"),
        ("{\"version\": 1e999}", "p.json:1:13: number 1e999 is out of range"),
        ("{\"version\": tru}", "p.json:1:13: expected a value, found '}'"),
        ("{\"a\": \"x", "p.json:1:7: unterminated string"),
        ("{\"a\": \"\\q\"}", "p.json:1:8: invalid escape \\q in a string"),
        ("{\"a\": \"\\uD800\"}", "p.json:1:8: invalid \\u escape: lone surrogate"),
        ("{\"a\": \"\\u12G4\"}", "p.json:1:8: invalid \\u escape: expected 4 hex digits"),
        ("{\"a\": \"tab\there\"}", "p.json:1:11: control character in a string (escape it)"),
        ("{\"version\": 1, \"version\": 1}", "p.json:1:16: duplicate key \"version\" (first at line 1, column 2)"),
        ("// comment\n{}", "p.json:1:1: expected a value, found '/'"),
        ("[]", "p.json:1:1: expected a profile object {\"version\": 1, ...}, found an array"),
        ("{}", "p.json:1:1: version: missing; expected 1"),
        ("{\"version\": 2}", "p.json:1:13: version: expected 1, found 2"),
        ("{\"version\": \"1\"}", "p.json:1:13: version: expected 1, found \"1\""),
        ("{\"version\": 1, \"default\": {}}",
         "p.json:1:16: default: unknown key; expected one of version, defaults, platforms, apps"),
        ("{\"version\": 1, \"defaults\": []}", "p.json:1:28: defaults: expected a settings object, found an array"),
        ("{\"version\": 1, \"defaults\": {\"upscale\": {\"renderScale\": 3}}}",
         "p.json:1:56: defaults.upscale.renderScale: expected a number from 0.25 to 2, found 3"),
        ("{\"version\": 1, \"defaults\": {\"upscale\": {\"renderScale\": \"1\"}}}",
         "p.json:1:56: defaults.upscale.renderScale: expected a number from 0.25 to 2, found \"1\""),
        ("{\"version\": 1, \"defaults\": {\"upscale\": {\"filter\": \"lanczos\"}}}",
         "p.json:1:51: defaults.upscale.filter: expected one of \"bilinear\", \"edge\", found \"lanczos\""),
        ("{\"version\": 1, \"defaults\": {\"upscale\": {\"scale\": 1}}}",
         "p.json:1:41: defaults.upscale.scale: unknown key; expected one of renderScale, renderScaleY, width, height, filter, sharpness, pass"),
        ("{\"version\": 1, \"defaults\": {\"telemetry\": {\"ringSize\": 100.5}}}",
         "p.json:1:55: defaults.telemetry.ringSize: expected an integer from 16 to 65536, found 100.5"),
        ("{\"version\": 1, \"defaults\": {\"controller\": {\"enabled\": 1}}}",
         "p.json:1:55: defaults.controller.enabled: expected true or false, found 1"),
        ("{\"version\": 1, \"defaults\": {\"preset\": \"turbo\"}}",
         "p.json:1:39: defaults.preset: expected one of \"power-saver\", \"balanced\", \"quality\", \"developer\", found \"turbo\""),
        ("{\"version\": 1, \"defaults\": {\"foveation\": {\"mode\": null}}}",
         "p.json:1:51: defaults.foveation.mode: expected one of \"off\", \"fixed\", \"gaze\", found null"),
        ("{\"version\": 1, \"defaults\": {\"throttle\": 60}}",
         "p.json:1:41: defaults.throttle: expected an object, found 60"),
        ("{\"version\": 1, \"defaults\": {\"controller\": {\"minRenderScale\": 0.9, \"maxRenderScale\": 0.8}}}",
         "p.json:1:62: defaults.controller.minRenderScale: expected at most controller.maxRenderScale (0.8), found 0.9"),
        ("{\"version\": 1, \"apps\": {}}", "p.json:1:24: apps: expected an array of rules, found an object"),
        ("{\"version\": 1, \"apps\": [1]}",
         "p.json:1:25: apps[0]: expected a rule object {\"match\": {...}, \"settings\": {...}}, found 1"),
        ("{\"version\": 1, \"apps\": [{}]}", "p.json:1:25: apps[0].match: missing; expected an object"),
        ("{\"version\": 1, \"apps\": [{\"match\": {\"app\": \"x\"}, \"settings\": {}}]}",
         "p.json:1:36: apps[0].match.app: unknown key; expected one of application, engine, runtime, system, gpuVendor, gpuName, driver, os"),
        ("{\"version\": 1, \"platforms\": [{\"match\": {\"gpuVendor\": \"ati\"}, \"settings\": {}}]}",
         "p.json:1:54: platforms[0].match.gpuVendor: expected one of \"nvidia\", \"amd\", \"intel\", \"software\", \"other\", found \"ati\""),
        ("{\"version\": 1, \"platforms\": [{\"match\": {\"runtime\": \"\"}, \"settings\": {}}]}",
         "p.json:1:52: platforms[0].match.runtime: expected a non-empty string pattern, found \"\""),
        ("{\"version\": 1, \"apps\": [{\"name\": 5, \"match\": {}, \"settings\": {}}]}",
         "p.json:1:34: apps[0].name: expected a string, found 5"),
        ("{\"version\": 1, \"apps\": [{\"match\": {}, \"settings\": {}, \"when\": 1}]}",
         "p.json:1:55: apps[0].when: unknown key; expected one of name, match, settings"),
    ]

    @Test func everyBadProfileGivesItsExactFirstError() {
        #expect(Self.cases.count >= 30)
        for (text, expected) in Self.cases {
            let found = Self.problems(text)
            #expect(found.first == expected, "\(text)")
        }
    }

    @Test func validationCollectsEveryProblem() {
        let text = """
            {"version": 2,
             "apps": [{"match": {"gpuVendor": "ati"},
                       "settings": {"upscale": {"renderScale": 3, "filter": "lanczos"}, "foo": 1}}],
             "x": []}
            """
        #expect(Self.problems(text) == [
            "p.json:1:13: version: expected 1, found 2",
            "p.json:2:35: apps[0].match.gpuVendor: expected one of \"nvidia\", \"amd\", \"intel\", \"software\", \"other\", found \"ati\"",
            "p.json:3:52: apps[0].settings.upscale.renderScale: expected a number from 0.25 to 2, found 3",
            "p.json:3:65: apps[0].settings.upscale.filter: expected one of \"bilinear\", \"edge\", found \"lanczos\"",
            "p.json:3:77: apps[0].settings.foo: unknown key; expected one of preset, telemetry, controller, upscale, foveation, throttle",
            "p.json:4:2: x: unknown key; expected one of version, defaults, platforms, apps",
        ])
    }

    @Test func binaryGarbageIsInvalidUTF8() {
        var bytes: [UInt8] = Array("{\"version\": 1,\n \"a\": \"".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0x81]
        #expect(Self.problems(bytes) == ["p.json:2:8: invalid UTF-8 (byte 0xFF)"])
        #expect(Self.problems([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01]) == ["p.json:1:1: expected a value, found '\\u{7f}'"])
        #expect(Self.problems([0xC0, 0xAF]) == ["p.json:1:1: invalid UTF-8 (byte 0xC0)"])
        #expect(Self.problems([0xED, 0xA0, 0x80]) == ["p.json:1:1: invalid UTF-8 (byte 0xED)"])
    }

    @Test func fiftyMegabytesFailAtOnce() {
        let clock = ContinuousClock()
        let start = clock.now
        let bytes = [UInt8](repeating: UInt8(ascii: " "), count: 50 << 20)
        #expect(Self.problems(bytes) == ["p.json:1:1: file is 52428800 bytes; a profile may be at most 1048576 bytes"])
        #expect(clock.now - start < .seconds(2))
    }

    @Test func deepNestingFailsAtTheLimit() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(Self.problems(deep) == ["p.json:1:65: nesting deeper than 64 levels"])
        let objects = String(repeating: "{\"a\":", count: 65)
        #expect(Self.problems(objects) == ["p.json:1:321: nesting deeper than 64 levels"])
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(Self.problems(fine) == ["p.json:1:1: expected a profile object {\"version\": 1, ...}, found an array"])
    }

    @Test func aByteOrderMarkIsSkipped() {
        #expect(Self.problems([0xEF, 0xBB, 0xBF] + Array("{\"version\": 1}".utf8)).isEmpty)
    }
}
