import Foundation
import Testing

/// The implicit manifest stays off until ENABLE_XRPERF=1 and DISABLE_XRPERF
/// always wins, as users of vkBasalt-style layers expect.
@Suite(.serialized) struct ImplicitLayerTests {
    @Test(arguments: [
        ([:], false),
        (["ENABLE_XRPERF": "1"], true),
        (["ENABLE_XRPERF": "1", "DISABLE_XRPERF": "1"], false),
    ] as [([String: String], Bool)])
    func enableAndDisableEnvironment(extra: [String: String], loaded: Bool) throws {
        let artifacts = Artifacts()
        let host = artifacts.host("instance_churn")
        try artifacts.require(host, artifacts.implicitManifest, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts)
        defer { env.cleanUp() }
        let implicitDirectory = env.scratch.appendingPathComponent("data/openxr/1/api_layers/implicit.d")
        try FileManager.default.createDirectory(at: implicitDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: artifacts.implicitManifest,
                                         to: implicitDirectory.appendingPathComponent("XrApiLayer_xrperf.json"))
        env.variables.merge(extra) { _, new in new }

        let result = try runProcess(host.path, ["1", "2"], environment: env.environment, timeout: 120)
        #expect(result.status == 0, Comment(rawValue: result.combined))
        #expect(result.stderr.contains("[xrperf] instance created") == loaded, Comment(rawValue: result.stderr))
    }
}
