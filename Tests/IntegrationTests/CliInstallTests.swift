import Foundation
import Testing

/// `xrperf install` / `uninstall` for a user: the loader then finds the
/// implicit layer by itself (ENABLE_XRPERF=1, no XR_API_LAYER_PATH), a second
/// install changes nothing, and uninstall takes it away again.
@Suite(.serialized) struct CliInstallTests {
    @Test func userInstallIsFoundByTheLoaderAndUninstallRemovesIt() throws {
        let artifacts = Artifacts()
        let host = artifacts.host("instance_churn")
        try artifacts.require(artifacts.cli, host, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts)
        defer { env.cleanUp() }
        env.variables.removeValue(forKey: "XR_API_LAYER_PATH")
        let cli = artifacts.cli.path
        let data = env.scratch.appendingPathComponent("data").path  // XDG_DATA_HOME of XrEnvironment

        let install = try runProcess(cli, ["install", "--implicit", "--library", artifacts.layerLibrary.path],
                                     environment: env.environment)
        #expect(install.status == 0, Comment(rawValue: install.combined))
        #expect(install.stdout.contains("wrote \(data)/openxr/1/api_layers/explicit.d/XrApiLayer_xrperf.json"))
        #expect(install.stdout.contains("wrote \(data)/openxr/1/api_layers/implicit.d/XrApiLayer_xrperf.json"))
        #expect(install.stdout.contains("wrote \(data)/vulkan/explicit_layer.d/VkLayer_xrperf_frame_timing.json"))
        let again = try runProcess(cli, ["install", "--implicit", "--library", artifacts.layerLibrary.path],
                                   environment: env.environment)
        #expect(again.status == 0 && again.stdout.components(separatedBy: "up to date:").count == 4,
                Comment(rawValue: again.stdout))

        env.variables["ENABLE_XRPERF"] = "1"
        let loaded = try runProcess(host.path, ["1", "2"], environment: env.environment)
        #expect(loaded.status == 0 && loaded.stderr.contains("[xrperf] instance created"), Comment(rawValue: loaded.combined))
        let doctor = try runProcess(cli, ["doctor", "--json"], environment: env.environment)
        let report = try JSONSerialization.jsonObject(with: Data(doctor.stdout.utf8)) as? [String: Any]
        let layers = (report?["checks"] as? [[String: Any]])?.first { $0["name"] as? String == "layers" }
        #expect(layers?["status"] as? String == "ok", Comment(rawValue: doctor.stdout))

        let uninstall = try runProcess(cli, ["uninstall"], environment: env.environment)
        #expect(uninstall.status == 0 && uninstall.stdout.components(separatedBy: "removed").count == 4,
                Comment(rawValue: uninstall.combined))
        let gone = try runProcess(host.path, ["1", "2"], environment: env.environment)
        #expect(gone.status == 0 && !gone.stderr.contains("[xrperf]"), Comment(rawValue: gone.combined))
        let nothing = try runProcess(cli, ["uninstall"], environment: env.environment)
        #expect(nothing.status == 0 && nothing.stdout.contains("nothing to remove"))
    }
}
