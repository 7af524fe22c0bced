/// A render-scale controller as protocol 1 drives it: before frame t it sees
/// the frames up to t - delay, in order, then names the scale for frame t.
public protocol ScaleController {
    /// Name used by `--controller` and in reports.
    var name: String { get }
    /// A frame has become visible: the scale it ran with and its costs in ms
    /// (`cpuMs` nil when the trace has no CPU time).
    mutating func observe(frame: Int, scale: Double, gpuMs: Double, cpuMs: Double?)
    /// The render scale for `frame`; the simulator clamps it into range.
    mutating func scale(forFrame frame: Int) -> Double
}
