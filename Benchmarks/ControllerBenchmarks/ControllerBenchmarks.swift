import Benchmark
import XrPerfCore

/// Cost of one frame of xrperf's controller: observe the frame that just
/// became visible, decide the next. Run with `make bench`.
///
/// The controller is warmed up (windows full, forecasts recorded) before the
/// measurement starts, so what is measured is the steady state the layer
/// lives in. scalingFactor .kilo: each sample is 1000 frames, so a
/// reported value is per frame (the table marks scaled metrics with *).
/// mallocCountTotal must be 0 in every percentile.
let benchmarks: @Sendable () -> Void = {
    let frames = SyntheticTrace.jittery.generate(frames: 4096, seed: 1).gpuMs
    let period = 1000.0 / 90

    func warmedUp() -> QualityController {
        var controller = QualityController()
        for t in 0..<2048 { step(&controller, frame: t) }
        return controller
    }

    @inline(__always)
    func step(_ controller: inout QualityController, frame t: Int) {
        let scale = controller.current.renderScale
        let gpu = frames[t & 4095] * period / 8 * (0.2 + 0.8 * scale * scale)
        controller.observe(FrameObservation(
            frameIndex: t, periodMs: period, appGPUms: gpu, appCPUms: 4,
            settings: controller.current))
        blackHole(controller.decide(frame: t + 1))
    }

    Benchmark(
        "QualityController observe+decide",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal],
            scalingFactor: .kilo,
            maxDuration: .seconds(3)
        )
    ) { benchmark in
        var controller = warmedUp()
        var t = 2048
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            step(&controller, frame: t)
            t += 1
        }
        benchmark.stopMeasurement()
        blackHole(controller)
    }
}
