import Foundation
import Testing

/// xrperf-loadgen through the real loader, xrperf and XrSim: it runs and ends
/// by itself, its load shows in the layer's recording as set (GPU time scales
/// with iterations and pixels, CPU time follows --cpu-ms), its schedule file
/// works and bad lines are named, and Vulkan's validation layer finds nothing.
/// Serialized: the timing checks need the two cores to themselves.
@Suite(.serialized) struct LoadgenTests {
    /// 256x256 per eye (XrEnvironment); on lavapipe 200 iterations cost about
    /// 10 ms a frame, well above the pass's fixed cost (~1.5 ms at 0 iterations).
    static let baseIterations = 200

    struct Run {
        let output: ProcessOutput
        let recording: TelemetryTests.Recording
    }

    /// Runs loadgen through xrperf with XRPERF_RECORD set and reads the recording.
    func record(_ arguments: [String], frames: Int = 240, extra: [String: String] = [:]) throws -> Run {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: frames)
        defer { env.cleanUp() }
        let path = env.scratch.appendingPathComponent("loadgen.jsonl")
        env.variables["XRPERF_RECORD"] = path.path
        env.variables.merge(extra) { _, new in new }
        let output = try runProcess(artifacts.loadgen.path, arguments, environment: env.environment, timeout: 60)
        let context = Comment(rawValue: "xrperf-loadgen \(arguments):\n\(output.combined.suffix(3000))")
        #expect(output.status == 0 && !output.timedOut, context)
        return Run(output: output, recording: try TelemetryTests.Recording(path))
    }

    /// The lower quartile: other work on the machine only ever slows lavapipe
    /// (it renders on the CPU), so the faster frames are the truer measure.
    static func lowerQuartile(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[sorted.count / 4]
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// App GPU times of a run's frames, without the first few (pipeline
    /// creation, caches warming), with how many frames had none.
    static func gpuTimes(_ run: Run, skipping warmUp: Int = 3) -> (times: [Double], missing: Int) {
        let frames = run.recording.frames.dropFirst(warmUp)
        let times = frames.compactMap { $0["app_gpu_ms"] as? Double }
        return (times, frames.count - times.count)
    }

    @Test func exitsAfterFramesWithTheSummaryLine() throws {
        let run = try record(["--frames", "30", "--gpu-iterations", "10", "--pattern", "bar"], frames: 0)
        #expect(run.recording.frames.count == 30)
        #expect(SessionSummaries.runtimeFrames(run.output.stderr) == [30])
        let summary = run.output.stdout.split(separator: "\n").last.map(String.init) ?? ""
        // XrSim shows the app from its second frame on (shouldRender): 29 drawn, 2 x 256 x 256 pixels each.
        #expect(summary.hasPrefix("xrperf-loadgen: frames=30 rendered=29 seconds="), Comment(rawValue: summary))
        #expect(summary.hasSuffix(" pixels_per_frame=131072"), Comment(rawValue: summary))
    }

    /// The runtime ends the session (XRSIM_FRAMES) with either Vulkan extension,
    /// under Vulkan's validation layer with synchronization validation on.
    @Test(arguments: ["vulkan2", "vulkan"])
    func endsWithTheRuntimeAndIsValidationClean(graphics: String) throws {
        let validation = try LoadgenVulkanValidation()
        defer { validation.cleanUp() }
        let run = try record(["--graphics", graphics, "--scale", "0.7", "--pattern", "checkerboard", "--gpu-iterations", "20"],
                             frames: 40, extra: validation.environment)
        let context = Comment(rawValue: run.output.combined.suffix(3000).description)
        #expect(SessionSummaries.runtimeFrames(run.output.stderr) == [40], context)
        #expect(SessionSummaries.layerFrames(run.output.stderr) == [40], context)
        #expect(run.output.stdout.contains("xrperf-loadgen: frames=40 rendered=39 "), context)
        // 0.7 x 256 = 179 pixels square per eye.
        #expect(run.output.stdout.contains("pixels_per_frame=\(2 * 179 * 179)"), context)
        LoadgenVulkanValidation.expectClean(run.output.combined, context)
    }

    /// Doubling --gpu-iterations doubles app GPU time (1.7x-2.3x). One run
    /// alternates the two loads every 10 frames (a schedule file), so the
    /// machine's state, which moves lavapipe's speed by half between two runs
    /// on 2 cores, is the same for both; each block's first 2 frames are left out.
    @Test func appGpuTimeScalesWithIterations() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let blocks = 8
        try (0..<blocks).map { block in
            "frame \(block * 10) gpu-iterations \(block % 2 == 0 ? Self.baseIterations : 2 * Self.baseIterations)"
        }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let run = try record(["--frames", String(blocks * 10), "--schedule", file.path])
        var low: [Double] = [], high: [Double] = [], missing = 0
        for frame in run.recording.frames {
            guard let index = frame["frame"] as? Int, index % 10 >= 2 else { continue }
            guard let time = frame["app_gpu_ms"] as? Double else { missing += 1; continue }
            if (index / 10) % 2 == 0 { low.append(time) } else { high.append(time) }
        }
        let ratio = Self.lowerQuartile(high) / Self.lowerQuartile(low)
        let context = Comment(rawValue:
            "p25 app GPU ms: \(Self.lowerQuartile(low)) -> \(Self.lowerQuartile(high)), ratio \(ratio); "
            + "medians \(Self.median(low)) -> \(Self.median(high))")
        #expect(missing <= 4, "\(missing) frames without app GPU time")
        #expect(Self.median(low) > 3, context)
        #expect((1.7...2.3).contains(ratio), context)
    }

    /// Twice the pixels (--scale √2 per axis) doubles app GPU time too.
    @Test func appGpuTimeScalesWithPixels() throws {
        var small: [Double] = [], large: [Double] = []
        for scale in [1.0, 2.0.squareRoot(), 1.0, 2.0.squareRoot()] {
            let run = try record(["--frames", "40", "--gpu-iterations", String(Self.baseIterations),
                                  "--scale", String(scale)])
            let times = Self.gpuTimes(run).times
            if scale == 1 { small += times } else { large += times }
        }
        let ratio = Self.lowerQuartile(large) / Self.lowerQuartile(small)
        #expect((1.7...2.3).contains(ratio),
                "p25 app GPU ms: \(Self.lowerQuartile(small)) -> \(Self.lowerQuartile(large)), ratio \(ratio)")
    }

    /// Small eye buffers keep these runs quick. App CPU time is the app's
    /// threads' own CPU time and --cpu-ms spins on the thread's CPU clock,
    /// so neither a busy machine nor loadgen's wait for the GPU changes it.
    static let cpuBound = ["XRSIM_RESOLUTION": "256x256"]

    /// --cpu-ms shows as app CPU time: never below the spin (it stops on the
    /// thread's own CPU clock), and what the app measured of the same frames
    /// on that clock (its --frame-log; AppMeasuredFrames' tolerance), not a
    /// nominal value a busy machine would miss.
    @Test(arguments: [2.0, 6.0])
    func appCpuTimeFollowsCpuMs(milliseconds: Double) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-frames-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let run = try record(["--frames", "40", "--gpu-iterations", "10", "--cpu-ms", String(milliseconds),
                              "--frame-log", log.path], extra: Self.cpuBound)
        let cpu = run.recording.values("app_cpu_ms").dropFirst(3)
        #expect(!cpu.isEmpty && cpu.allSatisfy { $0 >= milliseconds }, "app CPU ms \(cpu) for --cpu-ms \(milliseconds)")
        let frames = try AppMeasuredFrames(appLog: log, recording: run.recording)
        var compared = 0
        var off: [String] = []
        for pair in frames.settled {
            guard let sim = pair.app("sim_cpu_ns"), let render = pair.app("render_cpu_ns"),
                  let layer = pair.layer("app_cpu_ms") else { continue }
            compared += 1
            if !AppMeasuredFrames.agrees(layer, with: sim + render) {
                off.append("frame \(pair.app["frame"] ?? "?"): app measured \(sim + render) ms, layer \(layer) ms")
            }
        }
        #expect(compared >= 30 && Double(off.count) <= 0.05 * Double(compared), "\(off) of \(compared)")
    }

    /// Steps and a ramp from a schedule file show in the recording frame by frame.
    @Test func scheduleStepsAndRampsApply() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
            # CPU steps from 1 ms to 5 ms, then GPU iterations ramp up
            frame 0 gpu-iterations 0 cpu-ms 1
            frame 20 cpu-ms 5   # only the CPU changes here
            ramp 40 60 gpu-iterations 0 400
            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try record(["--frames", "70", "--schedule", file.path], extra: Self.cpuBound)
        let frames = run.recording.frames
        func values(_ key: String, _ range: Range<Int>) -> [Double] {
            frames.filter { range.contains($0["frame"] as? Int ?? -1) }.compactMap { $0[key] as? Double }
        }
        let cpuBefore = Self.median(values("app_cpu_ms", 3..<20))
        let cpuAfter = Self.median(values("app_cpu_ms", 23..<40))
        // The spin is a floor; the frame's own CPU work (xrBeginFrame,
        // recording, submission) comes on top. Well under 5 ms still says the
        // step came at frame 20.
        #expect(cpuBefore >= 0.95 && cpuBefore < 2.5 && cpuAfter >= 4.95 && cpuAfter <= 5.75,
                "app CPU ms \(cpuBefore) then \(cpuAfter)")
        let gpuFlat = Self.median(values("app_gpu_ms", 25..<40))
        let gpuRamped = Self.median(values("app_gpu_ms", 62..<70))
        // 0 iterations cost only the fixed part; 400 cost ~20 ms on lavapipe at 256x256.
        #expect(gpuRamped > 4 * gpuFlat, "app GPU ms \(gpuFlat) at 0 iterations, \(gpuRamped) at 400")
    }

    @Test func badScheduleLineIsNamedWithItsLineNumber() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        for (text, message) in [
            ("frame 0 cpu-ms 1\n\nframe 10 gpu-iters 5\n", ":3: unknown quantity 'gpu-iters'"),
            ("ramp 50 10 cpu-ms 1 2\n", ":1: ramp must end after it starts (frames 50 to 10)"),
            ("# fine\nframe x cpu-ms 1\n", ":2: 'x' is not a frame number"),
            ("frame 5 cpu-ms -3\n", ":1: cpu-ms '-3' is not a number of milliseconds"),
            ("pause 5\n", ":1: unknown entry 'pause'"),
        ] {
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try runProcess(artifacts.loadgen.path, ["--schedule", file.path], environment: [:], timeout: 30)
            #expect(result.status == 2, Comment(rawValue: result.combined))
            #expect(result.stderr.contains("xrperf-loadgen: \(file.path)\(message)"), Comment(rawValue: result.stderr))
        }
    }

    @Test func helpDocumentsTheScheduleFormat() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen)
        let result = try runProcess(artifacts.loadgen.path, ["--help"], environment: [:], timeout: 30)
        #expect(result.status == 0)
        for needle in ["--gpu-iterations", "--cpu-ms", "--scale", "--schedule", "--pattern", "--graphics",
                       "ramp <from-frame> <to-frame> gpu-iterations <a> <b>", "EXIT STATUS"] {
            #expect(result.stdout.contains(needle), "--help lacks \(needle)")
        }
    }
}
