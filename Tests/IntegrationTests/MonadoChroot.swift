import Foundation
import Testing

/// The Debian 13 root with Monado that `make test` builds (tools/monado-chroot.sh)
/// and one app run on it (tools/monado-run.sh): monado-service with its null
/// compositor and simulated HMD, the app through the real loader 1.1 with
/// xrperf's layer from this checkout's build.
struct MonadoChroot {
    let artifacts = Artifacts()
    var root: URL { artifacts.build.appendingPathComponent("monado-root") }
    var built: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(".xrperf-chroot").path) }

    /// Why the tier cannot run here, or nil. Chroot and mounts need root;
    /// as root (CI) a missing chroot is a failure of the test, not a skip.
    static var unavailableReason: String? {
        getuid() == 0 ? nil : "the Monado tier needs root (chroot, mounts); CI runs it as root"
    }

    struct Run {
        let status: Int32
        let appLog: String
        let monadoLog: String
        let validation: String
        let recording: TelemetryTests.Recording?
        let out: URL
        var context: Comment {
            Comment(rawValue: "app (exit \(status)):\n\(appLog.suffix(6000))\nmonado:\n\(monadoLog.suffix(2000))\ncore_validation:\n\(validation.suffix(2000))")
        }
    }

    /// Runs `app` for `seconds` with `layers` enabled (first nearest the app)
    /// and `variables`, Vulkan validation on, a recording in /out/run.jsonl.
    func run(_ app: [String], seconds: Int, layers: [String], variables: [String: String] = [:]) throws -> Run {
        try artifacts.require(artifacts.layerLibrary)
        #expect(built, "no Monado chroot at \(root.path): make test builds it (tools/monado-chroot.sh)")
        try #require(built)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("xrperf-monado-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var env: [String: String] = [
            "XR_ENABLE_API_LAYERS": layers.joined(separator: ":"),
            "XRPERF_RECORD": "/out/run.jsonl",
            "XRPERF_LOG_LEVEL": "info",
            "XR_CORE_VALIDATION_FILE_NAME": "/out/core_validation.txt",
            "VK_INSTANCE_LAYERS": "VK_LAYER_KHRONOS_validation",
        ]
        env.merge(variables) { _, new in new }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let script = artifacts.root.appendingPathComponent("tools/monado-run.sh").path
        let result = try runProcess("/bin/bash", [script, root.path, artifacts.build.appendingPathComponent("bin").path,
                                                 out.path, String(seconds)] + assignments + ["--"] + app,
                                    environment: ProcessInfo.processInfo.environment, timeout: TimeInterval(seconds + 180))
        #expect(result.status == 0, Comment(rawValue: "monado-run.sh: \(result.combined)"))
        func read(_ name: String) -> String {
            (try? String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        let status = Int32(read("rc").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let recordingURL = out.appendingPathComponent("run.jsonl")
        let recording = FileManager.default.fileExists(atPath: recordingURL.path) ? try TelemetryTests.Recording(recordingURL) : nil
        // core_validation 1.1 also logs its own start and end at debug level.
        let validation = read("core_validation.txt").split(separator: "\n").filter { !$0.contains("VALID_DEBUG") }
            .joined(separator: "\n")
        return Run(status: status, appLog: read("app.log"), monadoLog: read("monado.log"), validation: validation,
                   recording: recording, out: out)
    }

    func cleanUp(_ run: Run) { try? FileManager.default.removeItem(at: run.out) }
}
