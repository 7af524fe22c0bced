import Foundation
import Testing

/// `xrperf doctor` against this checkout's build: all good when pointed at the
/// built manifests, a failure and a non-zero exit when the runtime is broken.
@Suite struct DoctorTests {
    struct Report: Decodable {
        struct Check: Decodable {
            let name: String
            let status: String
            let detail: String
        }
        let version: String
        let checks: [Check]

        func status(of name: String) -> String? { checks.first { $0.name == name }?.status }
    }

    func doctor(_ variables: [String: String]) throws -> (ProcessOutput, Report?) {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.cli, artifacts.runtimeManifest, artifacts.layerLibrary)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf])
        defer { env.cleanUp() }
        env.variables.merge(variables) { _, new in new }
        let result = try runProcess(artifacts.cli.path, ["doctor", "--json"], environment: env.environment)
        return (result, try? JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)))
    }

    @Test func healthyCheckoutPasses() throws {
        let (result, report) = try doctor([:])
        let parsed = try #require(report, Comment(rawValue: result.combined))
        #expect(result.status == 0, Comment(rawValue: result.combined))
        #expect(parsed.status(of: "loader") == "ok")
        #expect(parsed.status(of: "runtime") == "ok", Comment(rawValue: result.stdout))
        #expect(parsed.status(of: "layers") == "ok", Comment(rawValue: result.stdout))
        #expect(parsed.checks.contains { $0.name == "vulkan" && $0.status != "fail" })
    }

    /// Whether the Vulkan loader lists xrperf's Vulkan layer: found through
    /// the build's manifest (XrEnvironment sets VK_ADD_LAYER_PATH), a warning
    /// saying what app GPU time then means when it is not.
    @Test func vulkanCheckSaysWhetherTheVulkanLayerIsFound() throws {
        let (found, foundReport) = try doctor([:])
        let vulkan = try #require(foundReport?.checks.first { $0.name == "vulkan" }, Comment(rawValue: found.combined))
        #expect(!vulkan.detail.contains("Vulkan layer is not found"), Comment(rawValue: found.stdout))
        let (missing, missingReport) = try doctor(["VK_ADD_LAYER_PATH": "/nonexistent"])
        let warned = try #require(missingReport?.checks.first { $0.name == "vulkan" }, Comment(rawValue: missing.combined))
        #expect(warned.status == "warn" && warned.detail.contains("Vulkan layer is not found"), Comment(rawValue: missing.stdout))
        #expect(missing.status == 0, "a warning is not a failure")
    }

    @Test func missingRuntimeFailsWithNonZeroExit() throws {
        let (result, report) = try doctor(["XR_RUNTIME_JSON": "/nonexistent/xrsim.json"])
        let parsed = try #require(report, Comment(rawValue: result.combined))
        #expect(result.status != 0)
        #expect(parsed.status(of: "runtime") == "fail")
    }
}
