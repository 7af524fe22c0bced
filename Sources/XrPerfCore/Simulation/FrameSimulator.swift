/// Runs one controller over a trace under protocol 1: before frame t the
/// controller sees frames <= t - delay, then picks the scale for frame t;
/// the frame's GPU cost follows from the scale, and it misses when GPU or CPU
/// cost exceeds the period.
public enum FrameSimulator {
    public struct Run: Sendable, Equatable {
        public var scales: [Double]
        public var gpuCostMs: [Double]
        public var missed: [Bool]
    }

    public static func run<C: ScaleController>(
        _ controller: inout C, frames: SimulationFrames, parameters: SimulationParameters
    ) -> Run {
        let n = frames.count
        let period = parameters.periodMs
        let delay = max(parameters.delay, 1)
        var run = Run(
            scales: .init(repeating: 1, count: n),
            gpuCostMs: .init(repeating: 0, count: n),
            missed: .init(repeating: false, count: n))
        for t in 0..<n {
            let seen = t - delay
            if seen >= 0 {
                controller.observe(
                    frame: seen, scale: run.scales[seen], gpuMs: run.gpuCostMs[seen],
                    cpuMs: frames.hasCPU ? frames.cpuMs[seen] : nil)
            }
            var scale = controller.scale(forFrame: t)
            if !scale.isFinite { scale = parameters.minimumScale }
            scale = min(max(scale, parameters.minimumScale), 1)
            let cost = parameters.gpuCost(fullQuality: frames.gpuMs[t], scale: scale)
            run.scales[t] = scale
            run.gpuCostMs[t] = cost
            run.missed[t] = max(cost, frames.cpuMs[t]) > period
        }
        return run
    }
}
