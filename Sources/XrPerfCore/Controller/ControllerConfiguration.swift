/// Tuning of `QualityController`. The defaults are what `xrperf simulate`
/// benchmarks (docs/controller.md says why each value is what it is).
public struct ControllerConfiguration: Sendable {
    public var knobs: KnobModel
    /// Target = display period x divisor x (1 - headroom): room kept for the
    /// compositor and for the layer's own CPU work.
    public var headroom = 0.02
    /// Render scale before anything is measured: the first frames' cost is
    /// unknown, so they start below the top and climb like any increase.
    public var initialRenderScale = 0.85
    /// Largest render scale increase per frame: quality comes back in steps
    /// below the 1 % a viewer (and the protocol's reversal count) notices.
    public var maximumStepUp = 0.0099
    /// The scale goes up only while the planned scale exceeds it by this much.
    public var upHysteresis = 0.01
    /// A planned scale this little below the current one is not followed
    /// (unless a miss just happened): a forecast moving within its own noise
    /// would otherwise pull the scale down at once on every high sample and
    /// let it climb back slowly, a loss on steady noisy scenes.
    public var downHysteresis = 0.005
    /// Frames after a decrease before the scale may rise again.
    public var holdAfterDecrease = 1
    /// Decisions in a row a better discrete level must fit before it is used.
    public var discreteUpgradeHold = 45
    /// Panic after a miss only while at least this share of recent panics
    /// proved useful (the cost stayed high on the next frame).
    public var panicUsefulnessThreshold = 0.3
    /// Prior share of GPU cost that does not scale with pixels.
    public var priorFixedShare = 0.25
    public var gpuForecast = CostForecaster.Configuration()
    public var cpuForecast = CostForecaster.Configuration()

    public init(knobs: KnobModel = KnobModel()) {
        self.knobs = knobs
    }
}
