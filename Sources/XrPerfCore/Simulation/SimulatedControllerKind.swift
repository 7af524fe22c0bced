/// The controllers `xrperf simulate --controller` can run.
public enum SimulatedControllerKind: String, CaseIterable, Sendable, Codable {
    case xrperf, fixed, unreal, valve, pid

    /// Runs this controller over `frames` and measures it.
    public func simulate(frames: SimulationFrames, parameters: SimulationParameters) -> SimulationMetrics {
        let period = parameters.periodMs
        let range = parameters.minimumScale...1
        switch self {
        case .xrperf: return Self.measure(XrPerfScaleController(periodMs: period, range: range), frames, parameters)
        case .fixed: return Self.measure(FixedScaleController(), frames, parameters)
        case .unreal: return Self.measure(UnrealScaleController(periodMs: period, range: range), frames, parameters)
        case .valve: return Self.measure(ValveScaleController(periodMs: period, range: range), frames, parameters)
        case .pid: return Self.measure(PIDScaleController(periodMs: period, range: range), frames, parameters)
        }
    }

    private static func measure<C: ScaleController>(
        _ controller: C, _ frames: SimulationFrames, _ parameters: SimulationParameters
    ) -> SimulationMetrics {
        var controller = controller
        let run = FrameSimulator.run(&controller, frames: frames, parameters: parameters)
        return SimulationMetrics(controller: controller.name, run: run, frames: frames)
    }
}
