/// xrperf's `QualityController` driven through protocol 1: only the render
/// scale knob, frames observed as they become visible.
public struct XrPerfScaleController: ScaleController {
    public let name = "xrperf"
    let periodMs: Double
    public private(set) var controller: QualityController

    public init(periodMs: Double, range: ClosedRange<Double>, configuration: ControllerConfiguration? = nil) {
        self.periodMs = periodMs
        var settings = configuration ?? ControllerConfiguration()
        settings.knobs.renderScaleRange = range
        settings.knobs.preferredMinimumScale = range.lowerBound
        controller = QualityController(configuration: settings)
    }

    public mutating func observe(frame: Int, scale: Double, gpuMs: Double, cpuMs: Double?) {
        controller.observe(FrameObservation(
            frameIndex: frame, periodMs: periodMs, appGPUms: gpuMs, appCPUms: cpuMs,
            settings: QualitySettings(renderScale: scale)))
    }

    public mutating func scale(forFrame frame: Int) -> Double {
        controller.decide(frame: frame).renderScale
    }
}
