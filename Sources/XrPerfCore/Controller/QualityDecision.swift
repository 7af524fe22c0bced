/// One frame's decision of the quality controller: the knob settings it
/// chose and the forecast they were chosen on. The layer takes one per frame
/// at xrWaitFrame (the frame divisor paces that very wait), stamps it on
/// that frame, applies each knob in one place, and records it with the
/// frame. A new knob is a field of QualitySettings, its applier, and its
/// column in KnobSettings.
public struct QualityDecision: Sendable, Equatable {
    public var settings: QualitySettings
    /// Forecast GPU and CPU time (ms) at these settings; 0 before any measurement.
    public var forecastGpuMs: Double
    public var forecastCpuMs: Double
    /// The time the frame is meant to fit (ms): the display period times the
    /// divisor, less the headroom.
    public var targetMs: Double
    /// Whether frames with a GPU time came in before it: until then the
    /// render scale is a guess.
    public var measured: Bool

    public init(settings: QualitySettings, forecastGpuMs: Double = 0, forecastCpuMs: Double = 0, targetMs: Double = 0,
                measured: Bool = false) {
        self.settings = settings
        self.forecastGpuMs = forecastGpuMs
        self.forecastCpuMs = forecastCpuMs
        self.targetMs = targetMs
        self.measured = measured
    }

    /// As the frame record keeps it.
    public var recorded: ControllerDecision {
        ControllerDecision(forecastGpuNs: Int64(forecastGpuMs * 1e6), targetNs: Int64(targetMs * 1e6))
    }
}

extension KnobSettings {
    /// The knobs a frame runs with: the session's own (its static render
    /// scale, foveation, the pass's filter) under the controller's decision.
    /// `scalesRender`: the app renders at the controller's scale (it follows
    /// XR_META_recommended_layer_resolution). The frame divisor is the
    /// pacing's, which also honours the throttle, so it is left as it is.
    public func under(_ decision: QualityDecision, scalesRender: Bool) -> KnobSettings {
        var knobs = self
        if scalesRender { knobs.renderScale *= Float(decision.settings.renderScale) }
        if decision.settings.passQualityLevel > 0, knobs.passFilter != .none { knobs.passFilter = .bilinear }
        return knobs
    }
}
