import Foundation
import Testing
import XrPerfCore

/// The layer's per-frame telemetry through the real loader: recordings
/// (XRPERF_RECORD) and the live shared-memory file.
@Suite(.serialized) struct TelemetryTests {
    struct Recording {
        var header: [String: Any] = [:]
        var frames: [[String: Any]] = []
        var end: [String: Any]?

        init(_ url: URL) throws {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                switch object["type"] as? String {
                case "header": header = object
                case "frame": frames.append(object)
                case "end": end = object
                default: Issue.record("unknown line: \(line)")
                }
            }
        }

        func values(_ key: String) -> [Double] { frames.compactMap { $0[key] as? Double } }
    }

    /// hello_xr through each Vulkan extension. With XR_KHR_vulkan_enable2 the
    /// layer puts its Vulkan layer on the instance the runtime creates, so
    /// app GPU time is busy time (`gpu_busy`); with XR_KHR_vulkan_enable the
    /// app creates its instance itself, and the span stands unless the user
    /// enables the Vulkan layer with VK_INSTANCE_LAYERS.
    @Test(arguments: [("Vulkan2", false, true), ("Vulkan", false, false), ("Vulkan", true, true)])
    func helloXrRecordingHasEveryFrameWithGpuTime(graphics: String, instanceLayer: Bool, busy: Bool) throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 240)
        defer { env.cleanUp() }
        let recording = env.scratch.appendingPathComponent("run-%p.jsonl")
        env.variables["XRPERF_RECORD"] = recording.path
        if instanceLayer { env.variables["VK_INSTANCE_LAYERS"] = XrPerfVersion.vulkanLayerName }
        let result = try runProcess(Artifacts.helloXr, ["-g", graphics], environment: env.environment, timeout: 240)
        #expect(result.status == 0, Comment(rawValue: result.combined.suffix(3000).description))

        let files = try FileManager.default.contentsOfDirectory(atPath: env.scratch.path).filter { $0.hasPrefix("run-") }
        #expect(files.count == 1, "\(files)")
        let parsed = try Recording(env.scratch.appendingPathComponent(try #require(files.first)))
        #expect(parsed.header["format"] as? String == "xrperf-recording")
        #expect(parsed.header["application"] as? String == "HelloXR")
        #expect(parsed.header["runtime"] as? String == "XrSim 0.1.0")
        #expect((parsed.header["gpu"] as? String)?.contains("llvmpipe") == true)
        #expect(parsed.frames.count == 240)
        #expect(parsed.frames.compactMap { $0["frame"] as? Int } == Array(0..<240))
        #expect(parsed.end?["frames"] as? Int == 240 && parsed.end?["dropped"] as? Int == 0)

        // Virtual clock: display time advances exactly one period per frame.
        #expect(parsed.frames.allSatisfy { $0["late"] as? Bool == false })
        #expect(parsed.frames.allSatisfy { $0["display_period_ns"] as? Int == 11_111_111 })
        let cpu = parsed.values("app_cpu_ms"), gpu = parsed.values("app_gpu_ms")
        #expect(cpu.count == 240 && cpu.allSatisfy { $0 > 0 && $0 < 1000 })
        // Every frame but the first (rendered nothing) carries a GPU time.
        #expect(gpu.count >= 235, "only \(gpu.count) of 240 frames have app GPU time")
        #expect(gpu.allSatisfy { $0 >= 0 && $0 < 1000 })
        #expect(parsed.frames.allSatisfy { ($0["features"] as? [String])?.contains("gpu_timing") == true })
        let busyFrames = parsed.frames.filter { ($0["features"] as? [String])?.contains("gpu_busy") == true }.count
        #expect(busy ? busyFrames >= 235 : busyFrames == 0, "\(busyFrames) of 240 frames timed as busy time")
    }

    @Test func liveFileExistsWhileRunningAndIsRemovedAfter() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 270)
        defer { env.cleanUp() }
        env.variables["XRSIM_CLOCK"] = "realtime"  // 3 s at 90 Hz: time to look at the file
        let directory = env.scratch.appendingPathComponent("xrperf")

        let process = try BackgroundProcess(Artifacts.helloXr, ["-g", "Vulkan2"], environment: env.environment)
        defer { process.terminateIfRunning() }

        var header = Data()
        for _ in 0..<100 where header.count < 1024 {
            Thread.sleep(forTimeInterval: 0.05)
            if let name = try? FileManager.default.contentsOfDirectory(atPath: directory.path).first,
               let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) {
                header = data
            }
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect(header.count >= 1024 + 1024 * 168)
        #expect(header.prefix(8) == Data("XPRFTLM1".utf8))
        let version = header.subdata(in: 8..<12).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        #expect(version == 3)
        #expect(process.waitForExit() == 0)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func exitWithoutCleanupStillCompletesTheRecording() throws {
        let artifacts = Artifacts()
        let host = artifacts.host("exit_without_cleanup")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf])
        defer { env.cleanUp() }
        let recording = env.scratch.appendingPathComponent("exit.jsonl")
        env.variables["XRPERF_RECORD"] = recording.path
        let result = try runProcess(host.path, ["30"], environment: env.environment)
        #expect(result.status == 0, Comment(rawValue: result.combined))
        let parsed = try Recording(recording)
        #expect(parsed.frames.count == 30)
        #expect(parsed.end?["frames"] as? Int == 30)
        let left = (try? FileManager.default.contentsOfDirectory(
            atPath: env.scratch.appendingPathComponent("xrperf").path)) ?? []
        #expect(left.isEmpty, "stale live file: \(left)")
    }

    /// An app that ends its session on SIGTERM (xrperf-loadgen does, as
    /// games should) leaves a complete recording.
    @Test func sigtermDuringARunStillCompletesTheRecording() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 0)  // 0: never stops by itself
        defer { env.cleanUp() }
        env.variables["XRSIM_CLOCK"] = "realtime"
        let recording = env.scratch.appendingPathComponent("term.jsonl")
        env.variables["XRPERF_RECORD"] = recording.path
        let app = try BackgroundProcess(artifacts.loadgen.path, ["--gpu-iterations", "10"],
                                        environment: env.environment)
        defer { app.terminateIfRunning() }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(kill(app.processIdentifier, SIGTERM) == 0)
        #expect(app.waitForExit() == 0)
        let parsed = try Recording(recording)
        #expect(parsed.frames.count > 60, "only \(parsed.frames.count) frames recorded in 1.5 s")
        #expect(parsed.end?["frames"] as? Int == parsed.frames.count)
        #expect(parsed.end?["dropped"] as? Int == 0)
    }

    @Test func unwritableRecordingPathWarnsAndTheAppRuns() throws {
        let artifacts = Artifacts()
        let host = artifacts.host("instance_churn")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf])
        defer { env.cleanUp() }
        env.variables["XRPERF_RECORD"] = "/nonexistent-dir/run.jsonl"
        let result = try runProcess(host.path, ["1", "5"], environment: env.environment)
        #expect(result.status == 0, Comment(rawValue: result.combined))
        #expect(result.stderr.contains("cannot open XRPERF_RECORD file '/nonexistent-dir/run.jsonl'"))
        #expect(SessionSummaries.layerFrames(result.stderr) == [5])
    }

    @Test func noRuntimeDirectoryFallsBackToAPrivateTmpDirectory() throws {
        let artifacts = Artifacts()
        let host = artifacts.host("instance_churn")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf])
        defer { env.cleanUp() }
        env.variables.removeValue(forKey: "XDG_RUNTIME_DIR")
        env.variables["XRPERF_LOG_LEVEL"] = "debug"
        var environment = env.environment
        environment.removeValue(forKey: "XDG_RUNTIME_DIR")
        let result = try runProcess(host.path, ["1", "5"], environment: environment)
        #expect(result.status == 0, Comment(rawValue: result.combined))
        #expect(!result.stderr.contains("live telemetry off"), Comment(rawValue: result.stderr))
        // This run's file went there (the directory may be left from earlier runs).
        #expect(result.stderr.contains("live telemetry: /tmp/xrperf-\(getuid())/session-"),
                Comment(rawValue: result.stderr))
        var info = stat()
        #expect(lstat("/tmp/xrperf-\(getuid())", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
        #expect(info.st_uid == getuid())
    }
}
