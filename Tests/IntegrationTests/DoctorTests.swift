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

    @Test func missingRuntimeFailsWithNonZeroExit() throws {
        let (result, report) = try doctor(["XR_RUNTIME_JSON": "/nonexistent/xrsim.json"])
        let parsed = try #require(report, Comment(rawValue: result.combined))
        #expect(result.status != 0)
        #expect(parsed.status(of: "runtime") == "fail")
    }
}
