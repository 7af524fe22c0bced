/// The knobs the controller may turn, their limits (from the profile) and
/// what each one costs. Generic on purpose: a feature that adds a knob gives
/// its cost here and the planner weighs it with the others.
///
/// GPU cost of a frame, in ms, for full-quality app cost G:
///   G x (f + (1 - f) x scale^2 x foveationPixelShare[level]) + passCost[level]
/// where f is the learned fixed share (`PixelCostModel`). The frame divisor
/// multiplies the time a frame may take.
public struct KnobModel: Sendable {
    public static let maximumLevels = 4

    public var renderScaleRange: ClosedRange<Double>
    /// Below this scale the planner prefers degrading a discrete knob first.
    public var preferredMinimumScale: Double
    public var allowHalfRate: Bool
    /// Shaded pixel share per foveation level (level 0 = 1); `foveationLevels` used.
    public var foveationPixelShare: InlineArray<4, Double>
    public var foveationLevels: Int
    /// GPU ms of the layer's passes per quality level; `passQualityLevels` used.
    public var passCostMs: InlineArray<4, Double>
    public var passQualityLevels: Int

    /// Render scale only (what `xrperf simulate` models).
    public init(renderScaleRange: ClosedRange<Double> = 0.5...1) {
        self.renderScaleRange = Self.sane(renderScaleRange)
        preferredMinimumScale = self.renderScaleRange.lowerBound
        allowHalfRate = false
        foveationPixelShare = InlineArray(repeating: 1)
        foveationLevels = 1
        passCostMs = InlineArray(repeating: 0)
        passQualityLevels = 1
    }

    /// Sets the foveation levels (best first; at most 4, shares in (0, 1]).
    public mutating func setFoveation(pixelShares: [Double]) {
        foveationLevels = max(1, min(pixelShares.count, Self.maximumLevels))
        for i in 0..<Self.maximumLevels {
            let share = i < pixelShares.count ? pixelShares[i] : 1
            foveationPixelShare[i] = share.isFinite ? min(max(share, 0.05), 1) : 1
        }
        if pixelShares.isEmpty { foveationPixelShare[0] = 1 }
    }

    /// Sets the pass quality levels' GPU cost (best first; at most 4).
    public mutating func setPassCosts(milliseconds: [Double]) {
        passQualityLevels = max(1, min(milliseconds.count, Self.maximumLevels))
        for i in 0..<Self.maximumLevels {
            let cost = i < milliseconds.count ? milliseconds[i] : 0
            passCostMs[i] = cost.isFinite ? max(cost, 0) : 0
        }
    }

    /// Clamps settings into the limits: the controller never leaves them.
    public func clamp(_ settings: QualitySettings) -> QualitySettings {
        var s = settings
        s.renderScale = s.renderScale.isFinite
            ? min(max(s.renderScale, renderScaleRange.lowerBound), renderScaleRange.upperBound)
            : renderScaleRange.lowerBound
        s.frameDivisor = allowHalfRate && s.frameDivisor >= 2 ? 2 : 1
        s.foveationLevel = min(max(s.foveationLevel, 0), foveationLevels - 1)
        s.passQualityLevel = min(max(s.passQualityLevel, 0), passQualityLevels - 1)
        return s
    }

    /// The app's GPU cost at `settings` relative to full quality, before passes.
    public func appCostFactor(_ settings: QualitySettings, fixedShare f: Double) -> Double {
        let share = foveationPixelShare[min(max(settings.foveationLevel, 0), foveationLevels - 1)]
        return f + (1 - f) * settings.renderScale * settings.renderScale * share
    }

    public func passCost(_ settings: QualitySettings) -> Double {
        passCostMs[min(max(settings.passQualityLevel, 0), passQualityLevels - 1)]
    }

    /// Largest render scale at which an app of full-quality cost `appCost`
    /// fits `budget` with the given discrete levels; nil if none in range does.
    public func largestScale(
        appCost: Double, budget: Double, foveationLevel: Int, passQualityLevel: Int, fixedShare f: Double
    ) -> Double? {
        let remaining = budget - passCostMs[passQualityLevel]
        guard appCost > 0 else { return renderScaleRange.upperBound }
        let factor = remaining / appCost
        let pixels = (factor - f) / ((1 - f) * foveationPixelShare[foveationLevel])
        guard pixels > 0 else { return nil }
        let scale = min(pixels.squareRoot(), renderScaleRange.upperBound)
        return scale >= renderScaleRange.lowerBound ? scale : nil
    }

    private static func sane(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        let low = range.lowerBound.isFinite ? min(max(range.lowerBound, 0.1), 1) : 0.5
        let high = range.upperBound.isFinite ? min(max(range.upperBound, low), 2) : 1
        return low...high
    }
}
