/// Baseline `fixed`: one render scale for the whole trace (1 = the app as
/// shipped, no dynamic resolution). `frontier_scale` in the report is the best
/// such scale chosen with hindsight.
public struct FixedScaleController: ScaleController {
    public let name = "fixed"
    public var scale: Double

    public init(scale: Double = 1) {
        self.scale = scale
    }

    public mutating func observe(frame: Int, scale: Double, gpuMs: Double, cpuMs: Double?) {}

    public mutating func scale(forFrame frame: Int) -> Double { scale }
}
