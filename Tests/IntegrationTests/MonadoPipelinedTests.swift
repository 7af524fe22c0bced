import Foundation
import Testing

extension MonadoTests {
    /// xrperf-loadgen as a pipelined engine on Monado (its simulated HMD
    /// paces at 50 ms): a simulation thread of 30 ms and a render thread of
    /// 25 ms that then idles 10 ms before submitting. Each thread fits the
    /// period, their sum does not: with the frame divisor allowed the
    /// controller runs at full rate once Monado paces at its period (its
    /// first frames report 16 ms, where 30 ms of simulation does not fit, and
    /// a discrete knob comes back only after a hold); the layer's app CPU parts and app GPU
    /// busy time agree with what the app measured itself (AppMeasuredFrames),
    /// so the idle 10 ms are not GPU time; Vulkan validation stays clean with
    /// the layer's Vulkan layer splicing its timestamps into the app's
    /// submissions.
    @Test(arguments: Self.stacks)
    func pipelinedLoadgenIsTimedAsTheAppMeasuredIt(layers: [String]) throws {
        let chroot = MonadoChroot()
        try chroot.artifacts.require(chroot.artifacts.loadgen)
        let run = try chroot.run(["/opt/xrperf/xrperf-loadgen", "--frames", "120", "--pipelined", "--sim-cpu-ms", "30",
                                  "--render-cpu-ms", "25", "--render-idle-ms", "10", "--gpu-iterations", "20",
                                  "--frame-log", "/out/app.jsonl"],
                                 seconds: 60, layers: layers, variables: ["XRPERF_FRAME_DIVISOR": "true"])
        defer { chroot.cleanUp(run) }
        let context = run.context
        #expect(run.status == 0, context)
        #expect(!run.appLog.contains("VUID-"), context)
        #expect(!run.appLog.contains("[xrperf] warn"), context)
        #expect(!run.validation.contains("VUID"), context)
        let recording = try #require(run.recording, context)
        let frames = try AppMeasuredFrames(appLog: run.out.appendingPathComponent("app.jsonl"), recording: recording)
        #expect(frames.pairs.count >= 115, "\(frames.pairs.count) frames matched\n\(context)")
        frames.expectAgreement(app: "sim_cpu_ns", layer: "sim_cpu_ms", context)
        frames.expectAgreement(app: "render_cpu_ns", layer: "render_cpu_ms", context)
        frames.expectGpuAgreement(context)
        let halved = recording.frames.dropFirst(60).filter { ($0["frame_divisor"] as? Int ?? 1) > 1 }.count
        #expect(halved == 0, "\(halved) of the last 60 frames at half rate\n\(context)")
        let busy = recording.frames.filter { ($0["features"] as? [String])?.contains("gpu_busy") == true }.count
        #expect(busy >= 115, "\(busy) frames timed as busy time\n\(context)")
    }
}
