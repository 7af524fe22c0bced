import Foundation
import Testing
import XrPerfCore

/// The controller inside the layer, closed loop, through the real loader on
/// XrSim in real time: half rate under CPU overload and back, the render
/// scale of an app that takes XR_META_recommended_layer_resolution, full-size
/// views reaching the runtime, learned settings carried to the next session.
/// Serialized: the loops run in real time and need the cores to themselves.
@Suite(.serialized) struct AdaptiveQualityTests {
    struct Run {
        let output: ProcessOutput
        let recording: TelemetryTests.Recording
    }

    /// loadgen with xrperf on XrSim's real-time clock, recorded; the state
    /// directory is the caller's so learned settings can carry over.
    static func run(_ arguments: [String], state: URL, extra: [String: String] = [:],
                    dumps: URL? = nil) throws -> Run {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 0)
        defer { env.cleanUp() }
        let path = env.scratch.appendingPathComponent("run.jsonl")
        env.variables["XRSIM_CLOCK"] = "realtime"
        env.variables["XRSIM_RESOLUTION"] = "128x128"
        env.variables["XRPERF_RECORD"] = path.path
        env.variables["XDG_STATE_HOME"] = state.path
        if let dumps { env.variables["XRSIM_DUMP_DIR"] = dumps.path }
        env.variables.merge(extra) { _, new in new }
        let output = try runProcess(artifacts.loadgen.path, arguments, environment: env.environment, timeout: 120)
        let context = Comment(rawValue: "xrperf-loadgen \(arguments):\n\(output.combined.suffix(3000))")
        #expect(output.status == 0 && !output.timedOut, context)
        return Run(output: output, recording: try TelemetryTests.Recording(path))
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xrperf-adaptive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return url
    }

    static func schedule(_ text: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent("load.schedule")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// CPU work (loadgen's busy wait: exact on any machine) steps from 3 ms to
    /// 15 ms, over the 11.1 ms period, and back: the controller paces the app
    /// at half rate within a few frames, steadily, and returns to full rate.
    /// Steadiness is judged on the intervals after frames the app finished in
    /// time (xrWaitFrame's return to xrEndFrame within 20 ms): next to a CPU
    /// hog, 15 ms of CPU time can take more than the 22 ms of wall time half
    /// rate allows, and such a frame is late whatever paces it (p99/p50 read
    /// 1.5 in one run beside stress-ng and the conformance suite).
    @Test func cpuOverloadTakesHalfRateAndComesBack() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schedule = try Self.schedule("frame 0 cpu-ms 3\nframe 90 cpu-ms 15\nframe 450 cpu-ms 3\n", in: directory)
        let run = try Self.run(["--frames", "640", "--gpu-iterations", "1", "--schedule", schedule], state: directory,
                               extra: ["XRPERF_FRAME_DIVISOR": "true"])
        let frames = run.recording.frames
        func divisor(_ frame: [String: Any]) -> Int { frame["frame_divisor"] as? Int ?? 0 }
        func index(_ frame: [String: Any]) -> Int { frame["frame"] as? Int ?? -1 }
        let context = Comment(rawValue: run.output.stderr.suffix(2000).description)
        #expect(run.output.stderr.contains("adaptive quality on"), context)
        let halved = try #require(frames.first { index($0) >= 90 && divisor($0) == 2 }, context)
        #expect(index(halved) <= 100, "half rate only from frame \(index(halved))")
        let settled = frames.filter { index($0) >= 200 && index($0) < 440 }
        #expect(settled.allSatisfy { divisor($0) == 2 }, "divisor changed while overloaded")
        let byIndex = Dictionary(frames.map { (index($0), $0) }) { first, _ in first }
        func inTime(_ frame: [String: Any]?) -> Bool {
            guard let frame, let begin = frame["wait_return_ns"] as? Int, let end = frame["end_call_ns"] as? Int else {
                return false
            }
            return end - begin < 20_000_000
        }
        let intervals = settled.filter { inTime(byIndex[index($0) - 1]) }.compactMap { $0["interval_ms"] as? Double }.sorted()
        #expect(intervals.count >= 60, "only \(intervals.count) of \(settled.count) frames followed one finished in time")
        let p50 = intervals[intervals.count / 2]
        let p99 = intervals[Int(Double(intervals.count) * 0.99) - 1]
        #expect(abs(p50 - 22.22) < 1.5, "p50 interval \(p50) ms at half rate")
        #expect(p99 / p50 <= 1.2, "half-rate pacing p99/p50 \(p99 / p50)")
        let back = try #require(frames.first { index($0) >= 450 && divisor($0) == 1 }, "never back to full rate")
        #expect(index(back) <= 450 + 120, "full rate only from frame \(index(back))")
        #expect(frames.filter { index($0) >= 600 }.allSatisfy { divisor($0) == 1 })
    }

    /// An app that takes the layer's recommended resolution under a GPU load
    /// heavier than the period at full size: the controller lowers its render
    /// scale, the runtime still receives full-size views, and the next session
    /// starts from the scale the first one sustained.
    @Test func dynamicResolutionFollowsTheControllerAndIsLearned() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state")
        let dumps = directory.appendingPathComponent("dumps")
        // Calibrate: what one iteration costs here at full size, without the layer's controller.
        let probe = try Self.run(["--frames", "120", "--gpu-iterations", "200"], state: state,
                                 extra: ["XRPERF_CONTROLLER": "false"])
        let probeGpu = probe.recording.values("app_gpu_ms").dropFirst(30).sorted()
        let msPerIteration = max(probeGpu[probeGpu.count / 4] / 200, 0.0001)
        // About twice the 11.1 ms period at full size.
        let iterations = Int(min(4000, max(50, 22 / msPerIteration)))

        let first = try Self.run(["--frames", "400", "--gpu-iterations", String(iterations), "--dynamic-resolution"],
                                 state: state, extra: ["XRSIM_DUMP_FRAMES": "380"], dumps: dumps)
        let context = Comment(rawValue: first.output.combined.suffix(3000).description)
        #expect(first.output.stderr.contains("layer extensions: XR_META_recommended_layer_resolution"), context)
        let scales = first.recording.values("render_scale")
        let late = scales.suffix(200)
        #expect(late.reduce(0, +) / Double(late.count) < 0.9, "render scale stayed at \(late.reduce(0, +) / Double(late.count))")
        let mean = try #require(first.output.stdout.split(separator: " ").first { $0.hasPrefix("mean_render_scale=") },
                                context)
        #expect((Double(mean.dropFirst("mean_render_scale=".count).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 1) < 0.95,
                context)
        // The app submitted smaller rects; the runtime got the full 128x128 views.
        for view in 0..<2 {
            let image = try PamImage.read(path: dumps.appendingPathComponent("frame-380-layer-0-view-\(view).pam").path)
            #expect(image.width == 128 && image.height == 128, "view \(view) reached the runtime at \(image.width)x\(image.height)")
        }

        let learnedFile = state.appendingPathComponent("xrperf/learned.json")
        let bytes = [UInt8](try Data(contentsOf: learnedFile))
        let learned = try LearnedState.decode(bytes).get()
        let entry = try #require(learned.entries.first { $0.key.application == "xrperf-loadgen" }?.value)
        #expect(entry.renderScale < 0.95 && entry.sessions == 1)

        let second = try Self.run(["--frames", "60", "--gpu-iterations", String(iterations), "--dynamic-resolution"],
                                  state: state)
        #expect(second.output.stderr.contains("starting from the learned render scale"),
                Comment(rawValue: second.output.stderr.suffix(2000).description))
        let firstScale = try #require(second.recording.values("render_scale").first)
        #expect(abs(firstScale - entry.renderScale) < 0.02, "second session started at \(firstScale), learned \(entry.renderScale)")
    }

    /// A learned-settings file that is not one: reported, never fatal, and
    /// replaced by a good one when the session ends.
    @Test func aCorruptLearnedFileIsReportedAndReplaced() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state")
        let file = state.appendingPathComponent("xrperf/learned.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([0x7b, 0x00, 0xff, 0x22]).write(to: file)
        let run = try Self.run(["--frames", "320", "--gpu-iterations", "1", "--dynamic-resolution"], state: state)
        #expect(run.output.stderr.contains("learned settings \(file.path)"),
                Comment(rawValue: run.output.stderr.suffix(2000).description))
        let replaced = [UInt8](try Data(contentsOf: file))
        #expect((try? LearnedState.decode(replaced).get()) != nil, "the file was not replaced by a valid one")
    }

    /// Every knob at once (static render scale with upscaling, the
    /// controller's dynamic resolution, the frame divisor allowed) with
    /// Khronos' core_validation above and below the layer and Vulkan's
    /// validation layer: nothing reported, every frame at the runtime.
    @Test(arguments: [[XrEnvironment.coreValidation, XrEnvironment.xrperf],
                      [XrEnvironment.xrperf, XrEnvironment.coreValidation]])
    func everyKnobStaysValidationClean(layers: [String]) throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest)
        try artifacts.require(paths: Artifacts.systemExplicitLayers)
        var env = try XrEnvironment(artifacts: artifacts, layers: layers, frames: 0)
        defer { env.cleanUp() }
        env.variables["XRSIM_RESOLUTION"] = "128x128"
        env.variables["XRPERF_RENDER_SCALE"] = "0.8"
        env.variables["XRPERF_FRAME_DIVISOR"] = "true"
        env.variables["XDG_STATE_HOME"] = env.scratch.appendingPathComponent("state").path
        env.variables["VK_INSTANCE_LAYERS"] = "VK_LAYER_KHRONOS_validation"
        let output = try runProcess(artifacts.loadgen.path,
                                    ["--frames", "90", "--gpu-iterations", "20", "--dynamic-resolution"],
                                    environment: env.environment, timeout: 120)
        let context = Comment(rawValue: output.combined.suffix(3000).description)
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(output.stderr.contains("adaptive quality on: render scale"), context)
        #expect(output.stderr.contains("upscaled to"), context)
        #expect(SessionSummaries.runtimeFrames(output.stderr) == [90], context)
        #expect(!output.combined.contains("VUID-"), context)
        let messages = env.validationMessages()
        #expect(!messages.contains("VUID"), Comment(rawValue: messages))
        #expect(!messages.lowercased().contains("error"), Comment(rawValue: messages))
    }

    /// An app that enabled XR_EXT_performance_settings (the runtime lacks it:
    /// the layer answers) and whose CPU work goes over the period for five
    /// seconds: it is told warning, then impaired, then normal again.
    @Test func sustainedCpuOverloadIsNotified() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schedule = try Self.schedule("frame 0 cpu-ms 3\nframe 90 cpu-ms 15\nframe 450 cpu-ms 3\n", in: directory)
        let run = try Self.run(["--frames", "640", "--gpu-iterations", "1", "--performance-settings", "--schedule", schedule],
                               state: directory)
        let context = Comment(rawValue: run.output.combined.suffix(3000).description)
        #expect(run.output.stderr.contains("layer extensions: XR_EXT_performance_settings"), context)
        let line = try #require(run.output.stdout.split(separator: "\n").first { $0.contains("performance_notifications=") },
                                context)
        #expect(line.hasSuffix("performance_notifications=3 cpu:normal->warning cpu:warning->impaired cpu:impaired->normal"),
                context)
    }

    /// The same with a runtime that has XR_EXT_performance_settings: the
    /// app's level hints reach it, and the layer's notifications still come.
    @Test func performanceSettingsGoDownWhenTheRuntimeHasThem() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schedule = try Self.schedule("frame 0 cpu-ms 3\nframe 60 cpu-ms 15\n", in: directory)
        let run = try Self.run(["--frames", "200", "--gpu-iterations", "1", "--performance-settings", "--schedule", schedule],
                               state: directory, extra: ["XRSIM_EXTENSIONS": "XR_EXT_performance_settings"])
        let context = Comment(rawValue: run.output.combined.suffix(3000).description)
        // XrSim logs the levels it was given; the layer did not answer them itself.
        #expect(run.output.stderr.contains("performance level"), context)
        #expect(!run.output.stderr.contains("the runtime has no XR_EXT_performance_settings"), context)
        #expect(run.output.stdout.contains("performance_notifications=1 cpu:normal->warning"), context)
    }

    /// The refresh rate as a knob (XRPERF_REFRESH_RATE, a runtime with
    /// XR_FB_display_refresh_rate at 90/72/60 Hz, the app not asking for the
    /// extension): 14.5 ms of CPU work per frame fits only 60 Hz (over 72
    /// Hz's whole 13.9 ms period, under 60 Hz's budget), so the rate
    /// steps down one rate at a time and, when the work drops to 3 ms, back
    /// up, each step after the load held for seconds (never flapping).
    @Test func sustainedOverloadLowersTheRefreshRateAndLightLoadRestoresIt() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schedule = try Self.schedule("frame 0 cpu-ms 3\nframe 90 cpu-ms 14.5\nframe 700 cpu-ms 3\n", in: directory)
        let run = try Self.run(["--frames", "1600", "--gpu-iterations", "1", "--schedule", schedule], state: directory,
                               extra: ["XRSIM_EXTENSIONS": "XR_FB_display_refresh_rate", "XRSIM_REFRESH_RATES": "90,72,60",
                                       "XRPERF_REFRESH_RATE": "true"])
        let context = Comment(rawValue: run.output.stderr.suffix(3000).description)
        let requests = run.output.stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("[xrperf] refresh rate "), let end = line.range(of: " Hz requested") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: "[xrperf] refresh rate ".count)..<end.lowerBound])
        }
        #expect(requests == ["72.0", "60.0", "72.0", "90.0"], context)
        #expect(run.output.stderr.contains("display refresh rate 72.0 -> 90.0 Hz"), context)
    }
}
