/// How the runtime's clock relates to wall time.
public enum ClockMode: String, Sendable {
    /// Sleep in xrWaitFrame until the next display period, like a compositor.
    case realtime
    /// Never sleep; every xrWaitFrame advances display time by one period.
    case virtual
}

/// One xrWaitFrame's answer.
public struct FrameTiming: Equatable, Sendable {
    /// When the caller may return from xrWaitFrame (CLOCK_MONOTONIC ns); nil: now.
    public let wakeAt: Int64?
    public let predictedDisplayTime: Int64
    public let predictedDisplayPeriod: Int64
}

/// Display timing of one session: vsync boundaries at `origin + k * period`.
public struct FramePacer: Sendable {
    public let mode: ClockMode
    public private(set) var period: Int64
    private var origin: Int64
    /// The display time of the latest frame; nil before the first wait.
    private var lastPredicted: Int64? = nil

    public init(mode: ClockMode, refreshHz: Double, origin: Int64) {
        self.mode = mode
        self.period = Self.period(refreshHz: refreshHz)
        self.origin = origin
    }

    static func period(refreshHz: Double) -> Int64 { max(1, Int64((1_000_000_000.0 / refreshHz).rounded())) }

    /// The app is woken at a vsync and its frame is shown one period later.
    public mutating func nextFrame(now: Int64) -> FrameTiming {
        let predicted: Int64
        var wakeAt: Int64? = nil
        switch mode {
        case .virtual:
            predicted = (lastPredicted ?? origin + period) + period
        case .realtime:
            // Before the origin (just after a rate change) the origin itself is the next vsync.
            var wake = now < origin ? origin : origin + ((now - origin) / period + 1) * period
            // A second wait within one period must still get a later frame.
            if let last = lastPredicted, wake + period <= last { wake = last }
            wakeAt = wake
            predicted = wake + period
        }
        lastPredicted = predicted
        return FrameTiming(wakeAt: wakeAt, predictedDisplayTime: predicted, predictedDisplayPeriod: period)
    }

    /// A display mode switch: the frame already predicted is still shown at
    /// the old rate, and vsyncs at the new period follow from its display time,
    /// so predictions keep increasing and the next frame is one new period later.
    public mutating func changeRate(refreshHz: Double) {
        period = Self.period(refreshHz: refreshHz)
        if let last = lastPredicted { origin = last }
    }
}
