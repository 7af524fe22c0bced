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
    public let period: Int64
    private let origin: Int64
    private var lastPredicted: Int64 = 0
    private var virtualFrames: Int64 = 0

    public init(mode: ClockMode, refreshHz: Double, origin: Int64) {
        self.mode = mode
        self.period = max(1, Int64((1_000_000_000.0 / refreshHz).rounded()))
        self.origin = origin
    }

    /// The app is woken at a vsync and its frame is shown one period later.
    public mutating func nextFrame(now: Int64) -> FrameTiming {
        switch mode {
        case .virtual:
            virtualFrames += 1
            lastPredicted = origin + (virtualFrames + 1) * period
            return FrameTiming(wakeAt: nil, predictedDisplayTime: lastPredicted, predictedDisplayPeriod: period)
        case .realtime:
            let elapsed = max(0, now - origin)
            var wake = origin + (elapsed / period + 1) * period
            // A second wait within one period must still get a later frame.
            if wake + period <= lastPredicted { wake = lastPredicted }
            lastPredicted = wake + period
            return FrameTiming(wakeAt: wake, predictedDisplayTime: lastPredicted, predictedDisplayPeriod: period)
        }
    }
}
