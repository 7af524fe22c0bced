import Testing
import XrPerfCore

/// Matching, precedence, presets, environment overrides, the platform table
/// and the search order.
struct ProfileResolutionTests {
    static func document(_ text: String) -> ProfileDocument {
        let result = ProfileValidator.load(Array(text.utf8), file: "p.json")
        #expect(result.problems.isEmpty, "\(result.problems.map(\.description))")
        return result.document ?? ProfileDocument()
    }

    @Test func globsAreCaseInsensitiveWithStarsOnly() {
        #expect(ProfileGlob.matches("*wivrn*", "WiVRn (Monado based)"))
        #expect(ProfileGlob.matches("Monado*", "monado(xrt) by collabora"))
        #expect(ProfileGlob.matches("*", ""))
        #expect(ProfileGlob.matches("a*b*c", "aXXbYYc"))
        #expect(!ProfileGlob.matches("a*b*c", "aXXbYY"))
        #expect(!ProfileGlob.matches("hello", "hello_xr"))
        #expect(ProfileGlob.matches("hello?", "hello?"))
        #expect(!ProfileGlob.matches("hello?", "hellox"))
        #expect(!ProfileGlob.matches(String(repeating: "*a", count: 50) + "b", String(repeating: "a", count: 200)))
    }

    @Test func unknownFactsMatchOnlyStars() {
        let match = ProfileMatch([.init(.runtime, "*")])
        #expect(match.matches(PlatformFacts()))
        #expect(!ProfileMatch([.init(.runtime, "*x*")]).matches(PlatformFacts()))
        #expect(!ProfileMatch([.init(.gpuVendor, "other")]).matches(PlatformFacts()))
        #expect(ProfileMatch().matches(PlatformFacts()))
    }

    @Test func laterLayersWinInPrecedenceOrder() {
        let document = Self.document("""
            {"version": 1,
             "defaults": {"upscale": {"renderScale": 0.9, "sharpness": 0.1, "filter": "bilinear"}, "throttle": {"targetFps": 10}},
             "platforms": [
               {"match": {"runtime": "*WIVRN*"}, "settings": {"upscale": {"renderScale": 0.8, "sharpness": 0.2}}},
               {"match": {"gpuVendor": "amd"}, "settings": {"upscale": {"renderScale": 0.7}}}],
             "apps": [
               {"match": {"application": "game*"}, "settings": {"upscale": {"renderScale": 0.6}}},
               {"match": {"application": "GAME one"}, "settings": {"upscale": {"renderScale": 0.5}}},
               {"match": {"application": "other"}, "settings": {"upscale": {"renderScale": 0.4}}}]}
            """)
        let facts = PlatformFacts(application: "Game One", runtime: "WiVRn", gpuVendor: .amd)
        let resolved = ProfileResolver.resolve(document: document, facts: facts, environment: [:])
        #expect(resolved[.upscaleRenderScale].value == .number(0.5))
        #expect(resolved[.upscaleRenderScale].source == .profileApp(1))
        #expect(resolved[.upscaleSharpness].source == .profilePlatform(0))
        #expect(resolved[.upscaleFilter].source == .profileDefaults)
        #expect(resolved[.controllerHeadroom].source == .platformTable("wivrn"))
        #expect(resolved[.throttleTargetFps].value == .number(10))
        #expect(resolved[.foveationMode].source == .builtInDefault)
        #expect(resolved.applied == [
            "profile defaults", "platform table wivrn", "profile platforms[0]", "profile platforms[1]",
            "profile apps[0]", "profile apps[1]",
        ])
        let overridden = ProfileResolver.resolve(
            document: document, facts: facts, environment: ["XRPERF_RENDER_SCALE": "0.3", "XRPERF_TARGET_FPS": "45"])
        #expect(overridden[.upscaleRenderScale].value == .number(0.3))
        #expect(overridden[.upscaleRenderScale].source.description == "environment XRPERF_RENDER_SCALE")
        #expect(overridden.typed.throttle.targetFps == 45)
    }

    @Test func profilePlatformRulesOverrideTheBuiltInTable() {
        let document = Self.document("""
            {"version": 1, "platforms": [{"match": {"gpuVendor": "software"}, "settings": {"upscale": {"filter": "edge"}}}]}
            """)
        let resolved = ProfileResolver.resolve(document: document, facts: PlatformFacts(gpuVendor: .software), environment: [:])
        #expect(resolved[.upscaleFilter].value == .text("edge"))
        #expect(resolved[.upscaleSharpness].source == .platformTable("software-vulkan"))
    }

    @Test func badEnvironmentValuesAreIgnoredWithAWarning() {
        let resolved = ProfileResolver.resolve(
            document: nil, facts: PlatformFacts(),
            environment: ["XRPERF_RENDER_SCALE": "9", "XRPERF_CONTROLLER": "off", "XRPERF_FOVEATION": "GAZE", "XRPERF_PRESET": "x"])
        #expect(resolved[.upscaleRenderScale].source == .builtInDefault)
        #expect(resolved.typed.controller.enabled == false)
        #expect(resolved.typed.foveation.mode == .gaze)
        #expect(resolved.warnings == [
            "XRPERF_PRESET='x' ignored: expected one of \"power-saver\", \"balanced\", \"quality\", \"developer\"",
            "XRPERF_RENDER_SCALE='9' ignored: expected a number from 0.25 to 2",
        ])
    }

    @Test func everyEnvironmentVariableIsDistinctAndNamespaced() {
        let names = ProfileKey.allCases.map(\.environmentVariable)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.hasPrefix("XRPERF_") })
    }

    @Test(arguments: ProfilePreset.allCases)
    func everyPresetSetsItsBundleAndExplicitKeysWin(_ preset: ProfilePreset) {
        let document = Self.document("""
            {"version": 1, "defaults": {"preset": "\(preset.rawValue)", "upscale": {"sharpness": 0.05}}}
            """)
        let resolved = ProfileResolver.resolve(document: document, facts: PlatformFacts(), environment: [:])
        #expect(preset.values.map(\.key) == ProfilePreset.keys)
        for (key, value) in preset.values where key != .upscaleSharpness {
            #expect(resolved[key].value == value)
            #expect(resolved[key].source == .preset(preset, via: .profileDefaults))
        }
        #expect(resolved[.upscaleSharpness].value == .number(0.05))
        #expect(resolved.typed.preset == preset)
        // Every bundle value is within its key's range.
        for (key, value) in preset.values {
            #expect(key.kind.accept(environment: value.jsonText.replacing("\"", with: "")) == value)
        }
    }

    @Test func presetValuesAreTheDocumentedOnes() {
        let power = ProfileResolver.resolve(document: nil, facts: PlatformFacts(), environment: ["XRPERF_PRESET": "power-saver"]).typed
        #expect(power.controller.maxRenderScale == 0.9 && power.controller.frameDivisorAllowed)
        #expect(power.foveation.mode == .fixed && power.upscale.filter == .bilinear)
        #expect(ProfileResolver.resolve(document: nil, facts: PlatformFacts(), environment: ["XRPERF_PRESET": "balanced"]).typed.controller == ProfileSettings().controller)
        let quality = ProfileResolver.resolve(document: nil, facts: PlatformFacts(), environment: ["XRPERF_PRESET": "quality"]).typed
        #expect(quality.controller.minRenderScale == 0.7 && quality.controller.maxRenderScale == 1.25)
        let developer = ProfileResolver.resolve(document: nil, facts: PlatformFacts(), environment: ["XRPERF_PRESET": "developer"]).typed
        #expect(!developer.controller.enabled && developer.telemetry.ringSize == 8192)
    }

    @Test func aLaterPresetKeepsThePlatformHeadroom() {
        let document = Self.document("""
            {"version": 1, "apps": [{"match": {"application": "*"}, "settings": {"preset": "quality"}}]}
            """)
        let resolved = ProfileResolver.resolve(document: document, facts: PlatformFacts(runtime: "ALVR"), environment: [:])
        #expect(resolved[.controllerHeadroom].value == .number(0.15))
        #expect(resolved[.controllerMaxRenderScale].source == .preset(.quality, via: .profileApp(0)))
    }

    @Test func defaultsMatchTheController() {
        let settings = ProfileSettings()
        let configuration = settings.controllerConfiguration
        let reference = ControllerConfiguration()
        #expect(configuration.headroom == reference.headroom)
        #expect(configuration.initialRenderScale == reference.initialRenderScale)
        #expect(configuration.maximumStepUp == reference.maximumStepUp)
        #expect(configuration.upHysteresis == reference.upHysteresis)
        #expect(configuration.downHysteresis == reference.downHysteresis)
        #expect(configuration.holdAfterDecrease == reference.holdAfterDecrease)
        #expect(configuration.discreteUpgradeHold == reference.discreteUpgradeHold)
        #expect(configuration.panicUsefulnessThreshold == reference.panicUsefulnessThreshold)
        #expect(configuration.knobs.renderScaleRange == reference.knobs.renderScaleRange)
        #expect(configuration.knobs.allowHalfRate == reference.knobs.allowHalfRate)
        for (key, value) in ProfilePreset.balanced.values {
            #expect(key.defaultValue == value, "\(key.path)")
        }
    }

    @Test func upsideDownScaleRangeAcrossLayersIsRepaired() {
        let resolved = ProfileResolver.resolve(
            document: nil, facts: PlatformFacts(), environment: ["XRPERF_MIN_RENDER_SCALE": "1.5"])
        #expect(resolved[.controllerMinRenderScale].value == .number(1))
        #expect(resolved.warnings.count == 1)
    }

    @Test func platformTableEntries() {
        func resolve(_ facts: PlatformFacts) -> ResolvedProfile {
            ProfileResolver.resolve(document: nil, facts: facts, environment: [:])
        }
        let software = resolve(PlatformFacts(gpuVendor: GPUVendor(vulkanVendorID: 0x10005)))
        #expect(software.typed.upscale.filter == .bilinear && software.typed.upscale.sharpness == 0)
        #expect(software.typed.foveation.mode == .off && software.typed.controller.minRenderScale == 0.25)
        // Noise and the pass are measured on software Vulkan too: the default room.
        #expect(software.typed.controller.headroom == resolve(PlatformFacts()).typed.controller.headroom)
        #expect(resolve(PlatformFacts(runtime: "WiVRn")).typed.controller.headroom == 0.12)
        #expect(resolve(PlatformFacts(runtime: "ALVR runtime")).typed.controller.headroom == 0.15)
        // Halving the rate is opt-in everywhere: Monado has no entry, none turns the divisor on.
        #expect(resolve(PlatformFacts(runtime: "Monado(XRT) by Collabora et al")).applied.isEmpty)
        #expect(!resolve(PlatformFacts(runtime: "Monado(XRT) by Collabora et al")).typed.controller.frameDivisorAllowed)
        #expect(PlatformTable.entries.allSatisfy { entry in
            !entry.rule.settings.entries.contains { $0.key == .controllerFrameDivisorAllowed && $0.value == .bool(true) }
        })
        #expect(!resolve(PlatformFacts(runtime: "SteamVR/OpenXR")).typed.controller.frameDivisorAllowed)
        #expect(resolve(PlatformFacts(runtime: "SteamVR/OpenXR")).typed.controller.headroom == 0.03)
        #expect(resolve(PlatformFacts(runtime: "Oculus")).applied == ["platform table meta"])
        let intel = resolve(PlatformFacts(gpuVendor: GPUVendor(vulkanVendorID: 0x8086))).typed
        #expect(intel.controller.maxRenderScale == 1 && intel.upscale.filter == .bilinear)
        #expect(resolve(PlatformFacts(gpuVendor: GPUVendor(vulkanVendorID: 0x13B5))).typed.controller.headroom == 0.05)
        #expect(resolve(PlatformFacts(gpuVendor: .nvidia)).applied.isEmpty)
        #expect(GPUVendor(vulkanVendorID: 0x10DE) == .nvidia && GPUVendor(vulkanVendorID: 0x1002) == .amd)
        let ids = PlatformTable.entries.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(PlatformTable.entries.allSatisfy { !$0.why.isEmpty && !$0.rule.settings.isEmpty })
    }

    @Test func searchOrderFollowsXDG() {
        let home = ["HOME": "/home/u"]
        #expect(ProfileSearch.candidates(environment: home).map(\.path) == [
            "/home/u/.config/xrperf/profile.json", "/etc/xdg/xrperf/profile.json",
        ])
        let xdg = ["HOME": "/home/u", "XDG_CONFIG_HOME": "/c/", "XDG_CONFIG_DIRS": "/a:relative:/b"]
        #expect(ProfileSearch.candidates(environment: xdg).map(\.path) == [
            "/c/xrperf/profile.json", "/a/xrperf/profile.json", "/b/xrperf/profile.json",
        ])
        #expect(ProfileSearch.locate(environment: xdg) { $0 == "/b/xrperf/profile.json" }?.origin == "XDG_CONFIG_DIRS")
        #expect(ProfileSearch.locate(environment: xdg) { _ in false } == nil)
        let explicit = xdg.merging(["XRPERF_PROFILE": "/x.json"]) { $1 }
        #expect(ProfileSearch.locate(environment: explicit) { _ in false }?.path == "/x.json")
    }

    @Test func theStarterProfileIsValid() {
        let document = Self.document(ProfileStarter.text)
        #expect(document.apps.count == 1 && document.platforms.count == 2)
        let resolved = ProfileResolver.resolve(
            document: document, facts: PlatformFacts(application: "My Flight Sim"), environment: [:])
        #expect(resolved.typed.preset == .quality)
    }

    @Test func parsedValuesKeepTheirPositions() throws {
        let json = try ProfileJSONParser.parse(Array("{\n  \"a\": [1, \"\u{00e9}\", true]\n}".utf8))
        guard case .object(let members) = json.value, case .array(let elements) = members[0].value.value else {
            Issue.record("not an object with an array")
            return
        }
        #expect(members[0].keyPosition == ProfilePosition(line: 2, column: 3))
        #expect(elements.map(\.position.column) == [9, 12, 17])
        #expect(elements[1].value == .string("\u{00e9}"))
    }
}
