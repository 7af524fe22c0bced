import Foundation
import Testing

/// The layer resolves the profile for each session: the built-in platform
/// table follows the runtime's name, a profile's app rule applies, and a broken
/// or missing profile is reported while the app runs on with built-in settings.
@Suite(.serialized) struct ProfileLayerTests {
    func run(variables: [String: String], record: Bool = true) throws -> (ProcessOutput, TelemetryTests.Recording?) {
        let artifacts = Artifacts()
        let host = artifacts.host("instance_churn")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf])
        defer { env.cleanUp() }
        let recording = env.scratch.appendingPathComponent("run.jsonl")
        if record { env.variables["XRPERF_RECORD"] = recording.path }
        env.variables.merge(variables) { _, new in new }
        for (key, value) in variables where value.contains("$SCRATCH") {
            env.variables[key] = value.replacingOccurrences(of: "$SCRATCH", with: env.scratch.path)
        }
        if let profile = variables["PROFILE_TEXT"] {
            let path = env.scratch.appendingPathComponent("profile.json")
            try profile.replacingOccurrences(of: "$SCRATCH", with: env.scratch.path)
                .write(to: path, atomically: true, encoding: .utf8)
            env.variables["XRPERF_PROFILE"] = path.path
            env.variables.removeValue(forKey: "PROFILE_TEXT")
        }
        let result = try runProcess(host.path, ["1", "3"], environment: env.environment)
        #expect(result.status == 0, Comment(rawValue: result.combined))
        let files = (try? FileManager.default.contentsOfDirectory(atPath: env.scratch.path)) ?? []
        let written = files.first { $0.hasSuffix(".jsonl") }.map { env.scratch.appendingPathComponent($0) }
        return (result, try written.map { try TelemetryTests.Recording($0) })
    }

    @Test(arguments: [("ALVR runtime", "platform table alvr"), ("WiVRn", "platform table wivrn"),
                      ("SteamVR/OpenXR", "platform table steamvr")])
    func runtimeNamePicksItsPlatformRule(runtime: String, rule: String) throws {
        let (result, recording) = try run(variables: ["XRSIM_RUNTIME_NAME": runtime])
        #expect(result.stderr.contains("matched: platform table software-vulkan, \(rule)"), Comment(rawValue: result.stderr))
        let profile = try #require(recording?.header["profile"] as? String)
        #expect(profile.contains(rule), Comment(rawValue: profile))
    }

    @Test func plainXrSimMatchesOnlyTheSoftwareGpuRule() throws {
        let (result, recording) = try run(variables: [:])
        // XRPERF_RECORD (the test's recording) is an environment override.
        #expect(result.stderr.contains("matched: platform table software-vulkan, environment XRPERF_RECORD ("),
                Comment(rawValue: result.stderr))
        #expect(recording?.header["profile"] as? String
                == "built-in defaults [platform table software-vulkan, environment XRPERF_RECORD]")
    }

    @Test func profileAppRuleApplies() throws {
        let text = """
            {"version": 1, "apps": [{"match": {"application": "INSTANCE_*"},
              "settings": {"telemetry": {"recordPath": "$SCRATCH/from-profile.jsonl"}}}]}
            """
        let (result, recording) = try run(variables: ["PROFILE_TEXT": text], record: false)
        #expect(result.stderr.contains("profile apps[0]"), Comment(rawValue: result.stderr))
        let header = try #require(recording?.header, "the profile's recordPath was not used")
        #expect((header["profile"] as? String)?.hasSuffix("profile.json [platform table software-vulkan, profile apps[0]]") == true)
        #expect(recording?.frames.count == 3)
    }

    @Test func brokenProfileIsReportedAndIgnored() throws {
        let text = """
            {"version": 1,
             "apps": [{"match": {"application": "instance_*"}, "settings": {"upscale": {"renderScale": "big"}}}]}
            """
        let (result, recording) = try run(variables: ["PROFILE_TEXT": text])
        #expect(result.stderr.contains("profile.json:2:"), Comment(rawValue: result.stderr))
        #expect(result.stderr.contains("apps[0].settings.upscale.renderScale: expected a number"),
                Comment(rawValue: result.stderr))
        #expect(result.stderr.contains("using the built-in settings"))
        #expect(recording?.header["profile"] as? String
                == "built-in defaults [platform table software-vulkan, environment XRPERF_RECORD]")
        #expect(SessionSummaries.layerFrames(result.stderr) == [3])
    }

    @Test func missingProfileNamedByXrperfProfileIsReported() throws {
        let (result, _) = try run(variables: ["XRPERF_PROFILE": "$SCRATCH/nope.json"])
        #expect(result.stderr.contains("nope.json:1:1: cannot read: No such file or directory; using the built-in settings"),
                Comment(rawValue: result.stderr))
        #expect(SessionSummaries.layerFrames(result.stderr) == [3])
    }
}
