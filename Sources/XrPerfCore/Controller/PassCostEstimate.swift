/// What each quality level of the layer's own pass costs on the GPU, from
/// the pass times the layer measures: the running level's estimate follows
/// its measurements (a fifth of the way each frame: pass times are noisy on
/// a busy GPU), the other level's is derived from it by `lowerLevelShare`
/// until it has run itself. Pass times come back a few frames late, so for
/// `settlingFrames` after a level change they still belong to the old level
/// and are not learned.
public struct PassCostEstimate: Sendable {
    public let levels: Int
    public let lowerLevelShare: Double
    public let settlingFrames: Int
    public private(set) var costs = InlineArray<2, Double>(repeating: 0)
    private var measuredLevels = InlineArray<2, Bool>(repeating: false)
    private var settling = 0
    public private(set) var level = 0

    /// `levels`: 1 (the pass has one filter) or 2 (level 1 is the cheaper).
    public init(levels: Int, lowerLevelShare: Double, settlingFrames: Int) {
        self.levels = min(max(levels, 1), 2)
        self.lowerLevelShare = lowerLevelShare.isFinite && lowerLevelShare > 0 ? lowerLevelShare : 1
        self.settlingFrames = max(settlingFrames, 0)
    }

    /// The pass runs at `level` from now on.
    public mutating func switchTo(_ newLevel: Int) {
        let clamped = min(max(newLevel, 0), levels - 1)
        guard clamped != level else { return }
        level = clamped
        settling = settlingFrames
    }

    /// One frame's newest pass time (ms; nil, zero or garbage: none).
    /// Returns whether the estimates changed.
    @discardableResult
    public mutating func observe(_ measured: Double?) -> Bool {
        if settling > 0 {
            settling -= 1
            return false
        }
        guard let measured, measured.isFinite, measured > 0, measured < 10_000 else { return false }
        let old = costs[level]
        let cost = measuredLevels[level] ? old + (measured - old) * 0.2 : measured
        costs[level] = cost
        measuredLevels[level] = true
        if levels == 2 {
            let other = 1 - level
            if !measuredLevels[other] { costs[other] = level == 0 ? cost * lowerLevelShare : cost / lowerLevelShare }
        }
        return true
    }
}
