import Foundation
import Testing

/// Frame timing that holds for engines, on XrSim: xrperf-loadgen as a
/// pipelined engine (a simulation thread and a render thread) and as a
/// single-threaded loop, what the layer records compared with what the app
/// measured of the same frames itself. Serialized: the GPU comparisons want
/// lavapipe's threads to themselves.
@Suite(.serialized) struct PipelinedTimingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let pipelined: Bool
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "pipelined, sim 4 ms + render 3 ms", arguments: ["--pipelined", "--sim-cpu-ms", "4", "--render-cpu-ms", "3",
                                                                    "--gpu-iterations", "30"], pipelined: true),
        Case(name: "pipelined, render thread idle 6 ms before it submits",
             arguments: ["--pipelined", "--render-cpu-ms", "1", "--render-idle-ms", "6", "--gpu-iterations", "30"],
             pipelined: true),
        // GPU-bound: the busy time is the whole frame, as the span was.
        Case(name: "one thread, GPU-bound", arguments: ["--sim-cpu-ms", "1", "--render-cpu-ms", "1",
                                                        "--gpu-iterations", "400"], pipelined: false),
    ]

    struct Recorded {
        let frames: AppMeasuredFrames
        let recording: TelemetryTests.Recording
        let context: Comment
    }

    func record(_ arguments: [String], frames: Int, variables: [String: String] = [:]) throws -> Recorded {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xrperf-pipelined-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let appLog = directory.appendingPathComponent("app.jsonl")
        let recordingURL = directory.appendingPathComponent("run.jsonl")
        let run = try LoadgenXrSimRun(["--frames", String(frames), "--frame-log", appLog.path] + arguments,
                                      extra: ["XRPERF_RECORD": recordingURL.path].merging(variables) { _, new in new },
                                      layers: [XrEnvironment.xrperf])
        defer { run.cleanUp() }
        #expect(run.output.status == 0 && !run.output.timedOut, run.context)
        let recording = try TelemetryTests.Recording(recordingURL)
        return Recorded(frames: try AppMeasuredFrames(appLog: appLog, recording: recording), recording: recording,
                        context: run.context)
    }

    /// Each part of app CPU time within 10% (or 0.3 ms) of the app's own
    /// clock on 95% of the frames; app CPU the busier thread's part when
    /// pipelined, their sum on one thread; app GPU the GPU's busy time over
    /// the app's submissions, within the same tolerance of the app's own
    /// timestamps (so a render thread idling before it submits adds none).
    @Test(arguments: cases)
    func theLayerRecordsWhatTheAppMeasured(_ test: Case) throws {
        let recorded = try record(test.arguments, frames: 90)
        let (frames, context) = (recorded.frames, recorded.context)
        #expect(frames.pairs.count >= 85, "\(frames.pairs.count) frames matched\n\(context)")
        frames.expectAgreement(app: "sim_cpu_ns", layer: "sim_cpu_ms", context)
        frames.expectAgreement(app: "render_cpu_ns", layer: "render_cpu_ms", context)
        for pair in frames.settled {
            guard let cpu = pair.layer("app_cpu_ms"), let sim = pair.layer("sim_cpu_ms"),
                  let render = pair.layer("render_cpu_ms") else { continue }
            let expected = test.pipelined ? max(sim, render) : sim + render
            #expect(abs(cpu - expected) <= 0.002, "frame \(pair.layer["frame"] ?? "?"): app CPU \(cpu), parts \(sim) + \(render)")
        }
        frames.expectGpuAgreement(context)
        let busy = recorded.recording.frames.filter { ($0["features"] as? [String])?.contains("gpu_busy") == true }
        #expect(busy.count >= 85, "\(busy.count) frames timed as busy time\n\(context)")
    }

    /// The controller (frame divisor allowed) reads the busiest thread: a
    /// pipelined engine whose threads take 30 and 25 ms of a 50 ms period
    /// keeps full rate, while the same work on one thread (55 ms) gets half
    /// rate. Thread CPU clocks make the CPU side hold on a loaded machine (the
    /// work is counted in CPU time, not wall time). The GPU side must not
    /// decide instead: lavapipe's GPU time is wall time of CPU threads, which
    /// a loaded machine stretches, so the frames are paced (real-time clock,
    /// 20 Hz) and carry next to no GPU work (64x64, no iterations), leaving
    /// the GPU time far inside the period even when the machine preempts
    /// lavapipe (at 90 Hz with the threads spinning unpaced next to a CPU hog,
    /// frames of 1.6 to 20 ms of GPU time took half rate, rightly). Only the
    /// last 50 of 120 frames are judged: the first rendered frame builds the
    /// app's pipeline on the GPU queue, which on a loaded machine took 48 ms
    /// of a 50 ms period, and a miss keeps half rate for the controller's
    /// upgrade hold (45 decisions).
    @Test func halfRateOnlyWhenTheBusiestThreadCannotFit() throws {
        let work = ["--sim-cpu-ms", "30", "--render-cpu-ms", "25", "--gpu-iterations", "0"]
        let setting = ["XRPERF_FRAME_DIVISOR": "true", "XRSIM_CLOCK": "realtime", "XRSIM_REFRESH_HZ": "20",
                       "XRSIM_RESOLUTION": "64x64"]
        func halved(_ recorded: Recorded) -> Int {
            recorded.recording.frames.suffix(50).filter { ($0["frame_divisor"] as? Int ?? 1) > 1 }.count
        }
        let pipelined = try record(["--pipelined"] + work, frames: 120, variables: setting)
        #expect(halved(pipelined) == 0, "pipelined: \(halved(pipelined)) of the last 50 frames at half rate\n\(pipelined.context)")
        let single = try record(work, frames: 120, variables: setting)
        #expect(halved(single) >= 45, "one thread: \(halved(single)) of the last 50 frames at half rate\n\(single.context)")
    }
}
