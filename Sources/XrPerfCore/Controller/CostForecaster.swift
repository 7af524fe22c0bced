/// Forecasts one cost series (full-quality GPU time or CPU time, in ms) for a
/// frame a few frames ahead, and says how far to trust the forecast.
///
/// - expected value: damped-trend level (`ExponentialLevel`) plus the part of
///   the newest innovation that carries over (lag-1 autocorrelation of the
///   innovations, learned online: jittery scenes are partly predictable);
/// - margin: a high quantile of recent relative surprises, actual / forecast,
///   measured on the forecasts really used for decisions (same horizon), so
///   it grows by itself when timings arrive late or the scene gets jittery;
/// - step detection: two consecutive surprises beyond the quantiles move the
///   level at once instead of letting the average crawl after a load step.
///
/// Observations may arrive late and with gaps (GPU timestamps come one or two
/// frames after the frame ran): everything is keyed by frame index.
public struct CostForecaster: Sendable {
    public struct Configuration: Sendable, Equatable {
        public var levelWeight = 0.1
        public var trendWeight = 0.03
        public var trendDamping = 0.9
        /// Quantile of relative surprises used as the margin.
        public var surpriseQuantile = 0.99
        /// Margin used until `minimumSurprises` surprises have been seen.
        public var initialMargin = 1.15
        public var minimumSurprises = 16
        /// Observations before forecasts are scored as surprises: the first
        /// forecasts rest on one or two frames (an app's first frame may
        /// have no GPU work at all) and their errors say nothing about the
        /// scene's noise, yet one of them would hold the margin at its cap
        /// for a whole window.
        public var warmUpObservations = 8
        /// Largest innovation autocorrelation trusted for extrapolation.
        public var maximumCarryOver = 0.8
        /// Weight of the newest frame in the autocorrelation estimate.
        public var carryOverWeight = 0.02

        public init() {}
    }

    public var configuration: Configuration
    public private(set) var level: ExponentialLevel
    private var surprises: RollingQuantiles<256>

    private var newestFrame = Int.min
    private var observations = 0
    private var newestValue = Double.nan
    /// Newest innovation (value - one-step forecast) and its frame.
    private var innovation = 0.0
    private var innovationFrame = Int.min
    private var innovationProduct = 0.0
    private var innovationSquare = 0.0
    /// Recent surprises beyond the upper / lower quantile, in a row.
    private var heldSurprise = Double.nan
    private var highRun = 0
    private var lowRun = 0

    /// Forecasts made for decisions, keyed by frame index modulo 8: a frame's
    /// cost is compared with what was forecast for it when it was decided.
    private var pendingFrame = InlineArray<8, Int>(repeating: Int.min)
    private var pendingValue = InlineArray<8, Double>(repeating: 0)

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
        surprises = RollingQuantiles(tracking: 1 - configuration.surpriseQuantile, configuration.surpriseQuantile)
        margin = configuration.initialMargin
        level = ExponentialLevel(
            levelWeight: configuration.levelWeight,
            trendWeight: configuration.trendWeight,
            trendDamping: configuration.trendDamping)
    }

    public var hasData: Bool { !level.isEmpty }
    public var newestObservedFrame: Int? { newestFrame == Int.min ? nil : newestFrame }
    public var surpriseCount: Int { surprises.count }

    /// Learned lag-1 autocorrelation of the innovations (0 when unknown).
    public private(set) var carryOver = 0.0
    /// Relative margin: forecast x margin is the planned-for cost.
    public private(set) var margin: Double
    /// Relative surprises at the low and high quantile; wide open (0 and
    /// infinity) until enough surprises have been seen.
    public private(set) var surpriseLow = 0.0
    public private(set) var surpriseHigh = Double.infinity

    // These are stored, not computed, on purpose: reading a computed
    // property of this 4 KB value made Swift copy all of it first (seen in
    // callgrind); a stored one is read in place. They are refreshed in
    // `refreshDerived()` after every change.
    private mutating func refreshDerived() {
        carryOver = innovationSquare > 0
            ? min(max(innovationProduct / innovationSquare, 0), configuration.maximumCarryOver) : 0
        if surprises.count >= configuration.minimumSurprises {
            margin = min(max(surprises.trackedHigh, 1), 4)
            surpriseLow = min(surprises.trackedLow, 1)
            surpriseHigh = max(surprises.trackedHigh, 1)
        } else {
            margin = configuration.initialMargin
            surpriseLow = 0
            surpriseHigh = .infinity
        }
    }

    /// Feeds the cost of `frame`. Non-finite or non-positive values and frames
    /// older than the newest seen are ignored: a late duplicate or a garbage
    /// timestamp must not move the model.
    public mutating func observe(frame: Int, value: Double) {
        guard value.isFinite, value > 0, frame > newestFrame else { return }
        recordSurprise(frame: frame, value: value)
        if observations < configuration.warmUpObservations { observations += 1 }
        if level.isEmpty {
            level.update(value)
        } else {
            let oneStep = level.forecast(horizon: Self.horizon(from: newestFrame, to: frame))
            // Winsorised: a lone hitch moves the level no more than a value
            // at the edge of the usual surprises would. A real step shows up
            // as two surprises in a row and resets the level below.
            let clipped = min(max(value, oneStep * surpriseLow), oneStep * surpriseHigh)
            let newInnovation = clipped - oneStep
            if innovationFrame == newestFrame, frame == newestFrame &+ 1 {
                let w = configuration.carryOverWeight
                innovationProduct = (1 - w) * innovationProduct + w * newInnovation * innovation
                innovationSquare = (1 - w) * innovationSquare + w * innovation * innovation
            }
            innovation = newInnovation
            innovationFrame = frame
            if highRun >= 2 || lowRun >= 2 {
                // A step: the scene's cost moved and stayed. Jump to the
                // mean of the two frames that showed it.
                level.reset(to: newestValue.isFinite ? (value + newestValue) / 2 : value)
                innovation = 0
                highRun = 0
                lowRun = 0
            } else {
                level.update(clipped)
            }
        }
        newestFrame = frame
        newestValue = value
        refreshDerived()
    }

    /// Expected cost of `frame` (after the newest observed one); nil until
    /// the first observation. Records the forecast to measure its surprise.
    public mutating func forecast(frame: Int) -> Double? {
        guard let value = expected(frame: frame) else { return nil }
        guard observations >= configuration.warmUpObservations else { return value }
        let slot = frame & 7
        pendingFrame[slot] = frame
        pendingValue[slot] = value
        return value
    }

    /// The same forecast without recording it. `mutating` only so that it
    /// reads this large value in place instead of copying it; it changes
    /// nothing.
    public mutating func expected(frame: Int) -> Double? {
        guard !level.isEmpty else { return nil }
        let horizon = Self.horizon(from: newestFrame, to: frame)
        var carry = 0.0
        if innovationFrame == newestFrame {
            var factor = carryOver
            for _ in 1..<horizon { factor *= carryOver }
            carry = factor * innovation * (1 - configuration.levelWeight)
        }
        let value = level.forecast(horizon: horizon) + carry
        // Never forecast less than a fraction of the level: a trend or a
        // negative innovation must not promise a frame for free.
        return max(value, 0.25 * level.level)
    }

    /// Frames from the newest observation to `frame`, within 1...64: frame
    /// indices come from outside and may jump (a pause, a wrapped counter);
    /// no arithmetic on them may trap, and a forecast far ahead is a
    /// forecast 64 frames ahead.
    static func horizon(from newest: Int, to frame: Int) -> Int {
        let (distance, overflow) = frame.subtractingReportingOverflow(newest)
        if overflow { return frame > newest ? 64 : 1 }
        return min(max(distance, 1), 64)
    }

    public mutating func removeAll() {
        self = CostForecaster(configuration: configuration)
    }

    /// Surprises enter the window one observation late: when the next one
    /// confirms a step, both are dropped. A step is a change of the scene,
    /// not noise, and would otherwise inflate the margin for a whole window.
    private mutating func recordSurprise(frame: Int, value: Double) {
        let slot = frame & 7
        guard pendingFrame[slot] == frame, pendingValue[slot] > 0 else { return }
        let surprise = value / pendingValue[slot]
        pendingFrame[slot] = Int.min
        if surprises.count >= configuration.minimumSurprises {
            highRun = surprise > surprises.trackedHigh ? highRun + 1 : 0
            lowRun = surprise < surprises.trackedLow ? lowRun + 1 : 0
        }
        let step = highRun >= 2 || lowRun >= 2
        if !step, heldSurprise.isFinite { surprises.push(heldSurprise) }
        heldSurprise = step ? .nan : surprise
    }
}
