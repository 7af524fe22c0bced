/// Per-session frame counters, reported at session end.
public struct FrameStats: Equatable, Sendable {
    /// Successful xrEndFrame calls.
    public var frames: UInt64 = 0
    public var waits: UInt64 = 0
    public var begins: UInt64 = 0
    /// Frames begun and then superseded by another xrBeginFrame without an end.
    public var discarded: UInt64 = 0

    public init() {}
}

/// What a successful xrBeginFrame returns.
public enum BeginFrameOutcome: Equatable, Sendable {
    case begun
    /// XR_FRAME_DISCARDED: the previous begun frame was never ended.
    case discardedPrevious
}

/// Call order of xrWaitFrame / xrBeginFrame / xrEndFrame (spec 10.4 and 10.5).
public struct FrameLoop: Sendable {
    public private(set) var stats = FrameStats()
    /// A successful wait not yet consumed by a begin.
    private var waitPending = false
    public private(set) var frameBegun = false

    public init() {}

    public mutating func waited() {
        stats.waits += 1
        waitPending = true
    }

    public mutating func begin() throws(XrSimError) -> BeginFrameOutcome {
        guard waitPending else { throw .callOrderInvalid }
        waitPending = false
        stats.begins += 1
        if frameBegun {
            stats.discarded += 1
            return .discardedPrevious
        }
        frameBegun = true
        return .begun
    }

    /// Checked before the submission is validated: a failing submission leaves
    /// the frame begun, as in Monado.
    public func checkCanEnd() throws(XrSimError) {
        guard frameBegun else { throw .callOrderInvalid }
    }

    /// A validated xrEndFrame. Returns the number of frames submitted so far.
    public mutating func ended() -> UInt64 {
        frameBegun = false
        stats.frames += 1
        return stats.frames
    }

    /// xrEndSession: a new running period starts with a fresh wait.
    public mutating func reset() {
        waitPending = false
        frameBegun = false
    }
}
