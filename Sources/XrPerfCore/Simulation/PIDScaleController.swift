/// Baseline `pid`: a textbook PID loop, the controller anyone would write
/// first. Process variable: the newest visible GPU time as a fraction of
/// the period; setpoint 90 % (the same headroom as `unreal`); output: the
/// pixel fraction (scale^2, to which GPU cost is roughly proportional). The
/// velocity form (each step adds Kp x de + Ki x e + Kd x d2e) cannot wind
/// up at the limits. Gains Kp 0.4, Ki 0.15, Kd 0.05 were tuned by hand on
/// the steady and step traces for a fast response without ringing; the
/// protocol does not specify a PID, so these are our choices.
public struct PIDScaleController: ScaleController {
    public let name = "pid"
    let periodMs: Double
    let range: ClosedRange<Double>
    let setpoint = 0.9
    let kp = 0.4
    let ki = 0.15
    let kd = 0.05
    private var pixels: Double
    private var error1 = 0.0
    private var error2 = 0.0
    private var pendingError: Double?

    public init(periodMs: Double, range: ClosedRange<Double>) {
        self.periodMs = periodMs
        self.range = range
        pixels = range.upperBound * range.upperBound
    }

    public mutating func observe(frame: Int, scale: Double, gpuMs: Double, cpuMs: Double?) {
        guard gpuMs.isFinite, gpuMs > 0 else { return }
        pendingError = setpoint - gpuMs / periodMs
    }

    public mutating func scale(forFrame frame: Int) -> Double {
        if let error = pendingError {
            pendingError = nil
            pixels += kp * (error - error1) + ki * error + kd * (error - 2 * error1 + error2)
            error2 = error1
            error1 = error
            let low = range.lowerBound * range.lowerBound
            let high = range.upperBound * range.upperBound
            pixels = min(max(pixels, low), high)
        }
        return pixels.squareRoot()
    }
}
