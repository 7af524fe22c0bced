import Foundation
import Testing

/// xrperf-loadgen as a pipelined engine, straight on XrSim: --pipelined (the
/// same as --threads 2), the per-frame work of a simulation and a render
/// thread (--sim-cpu-ms, --render-cpu-ms, --render-idle-ms) and the app's
/// own timing of every frame (--frame-log). CPU spans are checked against
/// their lower bounds only: the spins stop on the thread's own CPU clock, so a
/// busy machine makes them take longer, never shorter. GPU times are compared
/// only where a loaded 2-core machine cannot turn the result.
/// Serialized: the GPU comparison wants lavapipe's threads to itself.
@Suite(.serialized) struct LoadgenPipelinedTests {
    static let fields = ["frame", "display_time_ns", "sim_cpu_ns", "render_cpu_ns", "gpu_ns", "should_render"]

    /// One run with --frame-log and --json: the summary and the log's lines.
    struct LoggedRun {
        let run: LoadgenXrSimRun
        let lines: [String]
        let records: [[String: Any]]

        var context: Comment { run.context }

        func values(_ key: String) -> [Int] { records.compactMap { $0[key] as? Int } }

        /// GPU times in ms of the rendered frames after the first few
        /// (pipeline creation, caches warming).
        func gpuMilliseconds(skipping warmUp: Int = 3) -> [Double] {
            records.dropFirst(warmUp).compactMap { $0["gpu_ns"] as? Int }.map { Double($0) / 1e6 }
        }
    }

    func logged(_ arguments: [String], extra: [String: String] = [:]) throws -> LoggedRun {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-frames-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try LoadgenXrSimRun(arguments + ["--json", "--frame-log", file.path], extra: extra)
        #expect(run.output.status == 0 && !run.output.timedOut, run.context)
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map(String.init)
        let records = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                         Comment(rawValue: line))
        }
        return LoggedRun(run: run, lines: lines, records: records)
    }

    @Test func badValuesAreUsageErrors() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen)
        for (arguments, message) in [
            (["--pipelined", "--threads", "1"], "--pipelined runs two threads; it cannot be combined with --threads 1"),
            (["--sim-cpu-ms", "10001"], "--sim-cpu-ms must be 0...10000"),
            (["--sim-cpu-ms", "x"], "--sim-cpu-ms"),
            (["--render-cpu-ms=-1"], "--render-cpu-ms must be 0...10000"),
            (["--render-cpu-ms", "nan"], "--render-cpu-ms must be 0...10000"),
            (["--render-idle-ms", "1e5"], "--render-idle-ms must be 0...10000"),
            (["--render-idle-ms=-0.5"], "--render-idle-ms must be 0...10000"),
        ] {
            let result = try runProcess(artifacts.loadgen.path, arguments, environment: [:], timeout: 30)
            let context = Comment(rawValue: "\(arguments): \(result.combined)")
            #expect(result.status == 64, context)
            #expect(result.stderr.contains(message), context)
        }
    }

    /// The file is created before OpenXR starts: with no runtime at all in
    /// the environment the app still names the path, not a failed call.
    @Test func anUncreatableFrameLogExitsBeforeOpenXR() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("loadgen-missing-\(UUID().uuidString)/frames.jsonl").path
        let result = try runProcess(artifacts.loadgen.path, ["--frames", "5", "--frame-log", path], environment: [:],
                                    timeout: 30)
        let context = Comment(rawValue: result.combined)
        #expect(result.status == 1, context)
        #expect(result.stderr.contains("xrperf-loadgen: cannot create frame log '\(path)': No such file or directory"),
                context)
        #expect(!result.stderr.contains("xrCreateInstance") && result.stdout.isEmpty, context)
    }

    /// One line per submitted frame, in submit order, with the documented
    /// keys in the documented order; a GPU time exactly for the frames that
    /// rendered. --pipelined and --pipelined --threads 2 are the two-thread mode.
    @Test(arguments: [["--threads", "1"], ["--threads", "2"], ["--pipelined"], ["--pipelined", "--threads", "2"]])
    func oneLinePerSubmittedFrame(mode: [String]) throws {
        let frames = 12
        let log = try logged(["--frames", String(frames), "--gpu-iterations", "10"] + mode)
        defer { log.run.cleanUp() }
        let summary = try log.run.summary()
        #expect(summary["frames"] as? Int == frames, log.context)
        #expect(log.lines.count == frames, log.context)
        #expect(log.values("frame") == Array(0..<frames), log.context)
        expectWellFormed(log, rendered: summary["rendered"] as? Int)
    }

    /// XrSim ends the session (XRSIM_FRAMES) while the main thread may have
    /// waited for one more frame: the log still matches the summary's count.
    @Test(arguments: [["--threads", "1"], ["--pipelined"]])
    func aRunTheRuntimeEndsLogsEveryFrame(mode: [String]) throws {
        let log = try logged(["--gpu-iterations", "10", "--sim-cpu-ms", "1"] + mode, extra: ["XRSIM_FRAMES": "10"])
        defer { log.run.cleanUp() }
        let summary = try log.run.summary()
        let frames = try #require(summary["frames"] as? Int, log.context)
        #expect((10...11).contains(frames), log.context)
        #expect(log.lines.count == frames && log.values("frame") == Array(0..<frames), log.context)
        #expect(log.values("sim_cpu_ns").allSatisfy { $0 >= 1_000_000 }, log.context)
        expectWellFormed(log, rendered: summary["rendered"] as? Int)
    }

    private func expectWellFormed(_ log: LoggedRun, rendered: Int?,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        for (line, record) in zip(log.lines, log.records) {
            #expect(Set(record.keys) == Set(Self.fields), Comment(rawValue: line), sourceLocation: sourceLocation)
            let positions = Self.fields.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
            #expect(positions.count == Self.fields.count && positions == positions.sorted(), Comment(rawValue: line),
                    sourceLocation: sourceLocation)
            #expect(record["sim_cpu_ns"] is Int && record["render_cpu_ns"] is Int && record["should_render"] is Bool,
                    Comment(rawValue: line), sourceLocation: sourceLocation)
        }
        let times = log.values("display_time_ns")
        #expect(times.count == log.records.count && zip(times, times.dropFirst()).allSatisfy { $0 < $1 },
                "display times \(times)", sourceLocation: sourceLocation)
        let drawn = log.records.filter { $0["should_render"] as? Bool == true }
        let timed = log.records.filter { $0["gpu_ns"] as? Int != nil }
        // On XrSim every frame it wants drawn has valid poses, so all of them render.
        #expect(drawn.count == rendered && timed.count == rendered && (rendered ?? 0) > 0, log.context,
                sourceLocation: sourceLocation)
        #expect(drawn.allSatisfy { ($0["gpu_ns"] as? Int ?? 0) > 0 }, log.context, sourceLocation: sourceLocation)
    }

    /// The spins stop once the thread's CPU clock has advanced that far, and
    /// each lies inside its span: every frame's spans hold at least that much.
    @Test(arguments: [["--threads", "1"], ["--pipelined"]])
    func cpuSpansHoldTheirWork(mode: [String]) throws {
        let log = try logged(["--frames", "20", "--gpu-iterations", "10", "--sim-cpu-ms", "3", "--render-cpu-ms", "2"]
                             + mode)
        defer { log.run.cleanUp() }
        #expect(log.records.count == 20, log.context)
        let sim = log.values("sim_cpu_ns"), render = log.values("render_cpu_ns")
        #expect(sim.count == 20 && sim.allSatisfy { $0 >= 3_000_000 }, "sim_cpu_ns \(sim)")
        #expect(render.count == 20 && render.allSatisfy { $0 >= 2_000_000 }, "render_cpu_ns \(render)")
    }

    /// --render-idle-ms sleeps on the render thread before the GPU submit:
    /// the runs take at least frames x 5 ms (a sleep lasts at least as long
    /// as asked), while the app's own GPU time, which starts with the frame's
    /// first command on the GPU, does not grow by anything like 5 ms. Were
    /// the sleep inside the timestamps, every frame would have 5 ms more, its
    /// lower quartile too; a busy machine only delays some frames (lavapipe's
    /// threads waking behind other work: with 6 CPU hogs on 2 cores a quarter
    /// of frames took 4 ms or more in both runs), so the lower quartile is
    /// compared, not the median. A tiny load (64x64 pixels per eye, no
    /// iterations) keeps lavapipe's share small; the runs alternate so both
    /// see the same machine.
    @Test func renderIdleTimeIsNotAppGpuTime() throws {
        let frames = 30
        var plain: [Double] = [], idle: [Double] = []
        for idleMs in [0, 5, 0, 5] {
            let log = try logged(["--frames", String(frames), "--gpu-iterations", "0", "--scale", "0.25",
                                  "--render-idle-ms", String(idleMs)])
            defer { log.run.cleanUp() }
            #expect(log.records.count == frames, log.context)
            if idleMs == 0 {
                plain += log.gpuMilliseconds()
            } else {
                idle += log.gpuMilliseconds()
                let seconds = try #require(try log.run.summary()["seconds"] as? Double, log.context)
                #expect(seconds >= Double(frames) * 0.005, "\(frames) frames with 5 ms idle in \(seconds) s")
            }
        }
        let context = Comment(rawValue:
            "app GPU ms without idle, with 5 ms: p25 \(LoadgenTests.lowerQuartile(plain)), \(LoadgenTests.lowerQuartile(idle)); "
            + "median \(LoadgenTests.median(plain)), \(LoadgenTests.median(idle)); \(plain.count) and \(idle.count) frames")
        #expect(plain.count >= 2 * (frames - 5) && idle.count >= 2 * (frames - 5), context)
        #expect(LoadgenTests.lowerQuartile(idle) < LoadgenTests.lowerQuartile(plain) + 2.5, context)
    }

    /// The query pool reset and both timestamps, on the in-place and the
    /// staged (copy) paths, under Vulkan's validation layer with
    /// synchronization validation.
    @Test(arguments: [["--threads", "1", "--write", "storage"], ["--pipelined", "--write", "copy", "--format", "srgb"]])
    func frameTimestampsAreValidationClean(arguments: [String]) throws {
        let validation = try LoadgenVulkanValidation()
        defer { validation.cleanUp() }
        let log = try logged(["--frames", "8", "--gpu-iterations", "5", "--render-cpu-ms", "1"] + arguments,
                             extra: validation.environment)
        defer { log.run.cleanUp() }
        #expect(log.records.count == 8, log.context)
        LoadgenVulkanValidation.expectClean(log.run.output.combined, log.context)
    }

    @Test func helpDocumentsPipeliningAndTheFrameLog() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen)
        let result = try runProcess(artifacts.loadgen.path, ["--help"], environment: [:], timeout: 30)
        #expect(result.status == 0)
        for needle in ["--pipelined", "--sim-cpu-ms", "--render-cpu-ms", "--render-idle-ms", "--frame-log",
                       "THREADS AND PIPELINING", "FRAME LOG", "sim_cpu_ns", "render_cpu_ns", "gpu_ns"] {
            #expect(result.stdout.contains(needle), "--help lacks \(needle)")
        }
    }
}
