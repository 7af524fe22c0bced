/// xrperf's predictive quality controller: before each frame, the highest
/// quality predicted to fit the display deadline.
///
/// Per frame: `observe` whatever frames finished (late is fine), then
/// `decide` for the next one. The GPU cost at full quality is forecast from
/// past frames normalised through the knobs' cost model (`CostForecaster`,
/// `PixelCostModel`); the planner picks the best settings whose forecast
/// times margin fits the target. Down at once, up in small steps after a
/// hold; a GPU miss forces the next decisions to plan for the missed cost
/// (panic). When the CPU takes longer than the GPU would at full quality,
/// GPU quality is kept: lowering it would not bring the frame in.
///
/// A value type of fixed size with inline storage: copying it copies all of
/// its state, and no method allocates. Same inputs, same decisions.
public struct QualityController: Sendable {
    public private(set) var configuration: ControllerConfiguration
    public private(set) var gpu: CostForecaster
    public private(set) var cpu: CostForecaster
    public private(set) var costModel: PixelCostModel
    public private(set) var current: QualitySettings
    public private(set) var periodMs = 1000.0 / 90.0

    /// Full-quality GPU cost the next decisions must plan for after a miss.
    private var panicCost = 0.0
    /// Observations left before the panic cost is dropped.
    private var panicObservations = 0
    /// The newest GPU miss and what had been expected for that frame.
    private var missFrame = Int.min / 2
    private var missExpected = 0.0
    /// Share of recent panics after which the cost stayed high (0...1).
    public private(set) var panicUsefulness = 1.0
    private var framesSinceDecrease = Int.max / 2
    /// GPU timings seen, counted up to `pixelModelStartUp`.
    private var gpuObservations = 0
    /// GPU timings after which the pixel model learns even without the
    /// forecaster's surprise bounds (they normally exist after about 25).
    private static let pixelModelStartUp = 64
    private var discreteUpgradeStreak = 0
    public private(set) var lastDecidedFrame = Int.min

    public init(configuration: ControllerConfiguration = .init()) {
        self.configuration = configuration
        gpu = CostForecaster(configuration: configuration.gpuForecast)
        cpu = CostForecaster(configuration: configuration.cpuForecast)
        costModel = PixelCostModel(priorFixedShare: configuration.priorFixedShare)
        current = configuration.knobs.clamp(QualitySettings(renderScale: configuration.initialRenderScale))
    }

    /// Feeds one finished frame. Garbage (NaN, negative, zero, absurd) is
    /// dropped per field; a frame without GPU time still teaches CPU time.
    public mutating func observe(_ frame: FrameObservation) {
        if frame.periodMs.isFinite, frame.periodMs > 0.5, frame.periodMs < 1000 {
            periodMs = frame.periodMs
        }
        let settings = configuration.knobs.clamp(frame.settings)
        let cpuMs = Self.sane(frame.appCPUms, period: periodMs)
        if let cpuMs { cpu.observe(frame: frame.frameIndex, value: cpuMs) }
        if panicObservations > 0 { panicObservations -= 1 }
        guard let gpuMs = Self.sane(frame.appGPUms, period: periodMs) else { return }

        let knobs = configuration.knobs
        let appMs = max(gpuMs - knobs.passCost(settings), 0.01 * gpuMs)
        let expectedBefore = gpu.expected(frame: frame.frameIndex)
        let priorFullQuality = appMs / knobs.appCostFactor(settings, fixedShare: costModel.fixedShare)
        // Only a frame near its forecast may teach the pixel model, and only
        // once the forecaster knows what near means: an app's first frames
        // are full of hitches (pipelines built, caches cold), and pairs are
        // rare enough (the scale climbs in steps below the pair threshold)
        // that one bad pair would hold the share wrong for hundreds of frames.
        // Should surprises never be scored (timings later than the forecasts
        // kept), the model still learns after the start-up frames, unguarded.
        if gpuObservations < Self.pixelModelStartUp { gpuObservations += 1 }
        let typical: Bool
        if let expectedBefore, gpu.surpriseHigh.isFinite {
            typical = priorFullQuality <= expectedBefore * gpu.surpriseHigh
                && priorFullQuality >= expectedBefore * gpu.surpriseLow
        } else {
            typical = gpuObservations >= Self.pixelModelStartUp
        }
        costModel.observe(pixelFraction: settings.renderScale * settings.renderScale, cost: appMs, typical: typical)
        let factor = knobs.appCostFactor(settings, fixedShare: costModel.fixedShare)
        let fullQuality = appMs / factor
        gpu.observe(frame: frame.frameIndex, value: fullQuality)

        // Was the last panic worth it? It was when the frame after the miss
        // was still far above the forecast (a step, a burst), not when it was
        // back to normal (a lone hitch). Learned, so a scene with periodic
        // hitches stops throwing quality away after each one.
        if frame.frameIndex == missFrame &+ 1 {
            let persisted = fullQuality > missExpected * gpu.surpriseHigh
            panicUsefulness = 0.75 * panicUsefulness + (persisted ? 0.25 : 0)
        }
        // Panic: the GPU made this frame late (not the CPU). Until newer
        // frames show otherwise, plan for this cost: the next frames were
        // decided before it was known and may be late too.
        let deadline = periodMs * Double(settings.frameDivisor)
        if gpuMs > deadline, gpuMs >= (cpuMs ?? 0) {
            missFrame = frame.frameIndex
            missExpected = expectedBefore ?? fullQuality
            if panicUsefulness >= configuration.panicUsefulnessThreshold {
                panicCost = max(panicCost * (panicObservations > 0 ? 1 : 0), fullQuality)
                panicObservations = 2
            }
        }
    }

    /// What `frame` is expected to cost (ms): the GPU at the settings
    /// decided for it (the full-quality forecast through the knobs' cost
    /// model) and the CPU. Read in place and not recorded as forecasts, so
    /// asking changes nothing: for reports and notifications.
    public mutating func expectedCosts(frame: Int) -> (gpu: Double?, cpu: Double?) {
        let knobs = configuration.knobs
        let settings = current
        let fixedShare = costModel.fixedShare
        let gpuCost = gpu.expected(frame: frame).map {
            $0 * knobs.appCostFactor(settings, fixedShare: fixedShare) + knobs.passCost(settings)
        }
        return (gpuCost, cpu.expected(frame: frame))
    }

    /// The measured GPU cost of a pass quality level (the layer times its
    /// own pass each frame): what the planner weighs that level with.
    public mutating func setPassCost(level: Int, milliseconds: Double) {
        guard level >= 0, level < configuration.knobs.passQualityLevels, milliseconds.isFinite else { return }
        configuration.knobs.passCostMs[level] = max(milliseconds, 0)
    }

    /// The settings for `frame` (the next frame to be rendered).
    public mutating func decide(frame: Int) -> QualitySettings {
        lastDecidedFrame = frame
        let knobs = configuration.knobs
        guard let expected = gpu.forecast(frame: frame) else {
            // Nothing measured yet: the profile's best quality.
            current = knobs.clamp(current)
            return current
        }
        var planned = expected * gpu.margin
        if panicObservations > 0 { planned = max(planned, panicCost) }
        let cpuExpected = cpu.forecast(frame: frame) ?? 0

        let plan = self.plan(gpuCost: planned, cpuCost: cpuExpected)
        var next = plan
        next.renderScale = slewedScale(toward: plan.renderScale, discreteChanged: plan != current && Self.discreteDiffers(plan, current))
        current = knobs.clamp(next)
        return current
    }

    /// Best settings whose planned GPU cost fits, discrete knobs degraded in
    /// order (pass quality, then foveation, then half rate) only when the
    /// render scale would fall below its preferred minimum.
    private mutating func plan(gpuCost: Double, cpuCost: Double) -> QualitySettings {
        let knobs = configuration.knobs
        let f = costModel.fixedShare
        let maxDivisor = knobs.allowHalfRate ? 2 : 1
        var fallback = QualitySettings(
            renderScale: knobs.renderScaleRange.lowerBound, frameDivisor: maxDivisor,
            foveationLevel: knobs.foveationLevels - 1, passQualityLevel: knobs.passQualityLevels - 1)
        var found = false
        var best = fallback
        search: for divisor in 1...maxDivisor {
            let target = periodMs * Double(divisor) * (1 - configuration.headroom)
            // CPU work alone over this rate's budget: no GPU setting can hold
            // it, a slower rate can.
            if cpuCost > target, divisor < maxDivisor { continue }
            // The frame cannot finish before its CPU work: GPU time up to the
            // CPU's costs nothing, so a CPU-bound frame keeps GPU quality.
            let budget = max(target, cpuCost)
            for foveation in 0..<knobs.foveationLevels {
                for pass in 0..<knobs.passQualityLevels {
                    guard let scale = knobs.largestScale(
                        appCost: gpuCost, budget: budget, foveationLevel: foveation, passQualityLevel: pass, fixedShare: f)
                    else { continue }
                    let candidate = QualitySettings(
                        renderScale: scale, frameDivisor: divisor, foveationLevel: foveation, passQualityLevel: pass)
                    if !found {
                        fallback = candidate
                        found = true
                    }
                    if scale >= knobs.preferredMinimumScale {
                        best = candidate
                        break search
                    }
                }
            }
            best = fallback
        }
        if !found { best = fallback }
        return holdDiscreteUpgrades(best)
    }

    /// A cheaper discrete level is taken at once; a better one only after it
    /// has fitted for `discreteUpgradeHold` decisions in a row.
    private mutating func holdDiscreteUpgrades(_ plan: QualitySettings) -> QualitySettings {
        let better = plan.frameDivisor < current.frameDivisor || plan.foveationLevel < current.foveationLevel
            || plan.passQualityLevel < current.passQualityLevel
        let worse = plan.frameDivisor > current.frameDivisor || plan.foveationLevel > current.foveationLevel
            || plan.passQualityLevel > current.passQualityLevel
        if worse || !better {
            discreteUpgradeStreak = 0
            return plan
        }
        discreteUpgradeStreak += 1
        if discreteUpgradeStreak >= configuration.discreteUpgradeHold {
            discreteUpgradeStreak = 0
            return plan
        }
        // Keep the current discrete levels, with the scale that fits them.
        var kept = plan
        kept.frameDivisor = current.frameDivisor
        kept.foveationLevel = current.foveationLevel
        kept.passQualityLevel = current.passQualityLevel
        kept.renderScale = min(plan.renderScale, configuration.knobs.renderScaleRange.upperBound)
        return kept
    }

    /// Fast down, careful up: decreases beyond the down band (or after a
    /// miss) apply at once; increases wait for `holdAfterDecrease` frames,
    /// must clear the up band and move at most `maximumStepUp` per frame.
    private mutating func slewedScale(toward planned: Double, discreteChanged: Bool) -> Double {
        let now = current.renderScale
        if discreteChanged {
            framesSinceDecrease = 0
            return planned
        }
        if planned < now {
            if planned >= now - configuration.downHysteresis, panicObservations == 0 { return now }
            framesSinceDecrease = 0
            return planned
        }
        framesSinceDecrease += 1
        // A plan at the top of the range may be clamped there: it clears the
        // band by definition, or quality would stall just below the top.
        let top = configuration.knobs.renderScaleRange.upperBound
        let atTop = planned >= top
        guard framesSinceDecrease > configuration.holdAfterDecrease,
            atTop ? now < top : planned > now + configuration.upHysteresis
        else { return now }
        let goal = atTop ? top : planned - configuration.upHysteresis * 0.5
        return min(now + configuration.maximumStepUp, goal)
    }

    private static func discreteDiffers(_ a: QualitySettings, _ b: QualitySettings) -> Bool {
        a.frameDivisor != b.frameDivisor || a.foveationLevel != b.foveationLevel || a.passQualityLevel != b.passQualityLevel
    }

    /// A timing is usable when it is a finite positive number below ten
    /// display periods (more is a stall or a broken clock, not a frame cost).
    private static func sane(_ value: Double?, period: Double) -> Double? {
        guard let value, value.isFinite, value > 0, value < 10 * period else { return nil }
        return value
    }
}
