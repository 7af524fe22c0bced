/// Turns the moments the app calls the frame functions into one FrameRecord
/// per frame. Apps may pipeline: xrWaitFrame for the next frame can return
/// before xrEndFrame of the current one (often on another thread), so waited
/// frames queue up until xrBeginFrame takes the oldest, as the spec pairs them.
/// Fixed-size storage: no allocation per frame. Not thread-safe by itself; the
/// layer holds a short lock around each call.
public struct FrameTimeline: Sendable {
    struct Waited: Sendable {
        var frameIndex: UInt64 = 0
        var waitCallNs: Int64 = 0
        var waitReturnNs: Int64 = 0
        var displayTime: Int64 = 0
        var displayPeriod: Int64 = 0
        var shouldRender = true
        var layerCpuNs: Int64 = 0
        var knobs = KnobSettings()
        var decision: ControllerDecision?
        /// The wait thread's CPU from the wait's return.
        var simulation: ThreadSpan?
    }

    /// More waits than this without a begin is an app error; the oldest are dropped.
    public static let maxWaitedFrames = 4

    private var waited = (Waited(), Waited(), Waited(), Waited())
    private var waitedHead = 0
    private var waitedCount = 0
    private var current: FrameRecord?
    /// The app CPU parts of the frame in progress.
    private var currentSimulation: ThreadSpan?
    private var currentRender: ThreadSpan?
    private var waitsReturned: UInt64 = 0
    private var lastWaitReturnNs: Int64?
    private var lastDisplayTime: Int64?
    private var pendingWaitCallNs: Int64 = 0
    /// Layer CPU time spent in calls not yet attributed to a frame.
    private var unattributedLayerNs: Int64 = 0
    /// Frames finished so far, for the session summary; kept here so the
    /// frame path updates one structure under one lock.
    public private(set) var tally = FrameTally()

    public init() {}

    public mutating func waitCalled(atNs now: Int64, clock: ThreadClock? = nil) {
        pendingWaitCallNs = now
        if let clock { threadCalled(clock) }
    }

    /// A frame call on `clock`'s thread ends that thread's simulation span
    /// (at most one is open per thread: the one of its latest wait). Only
    /// frames still waiting hold one (a begun frame's is `currentSimulation`),
    /// and each is closed in place: every frame hook runs this.
    private mutating func threadCalled(_ clock: ThreadClock) {
        for offset in 0..<waitedCount {
            switch (waitedHead + offset) % Self.maxWaitedFrames {
            case 0: waited.0.simulation?.close(at: clock)
            case 1: waited.1.simulation?.close(at: clock)
            case 2: waited.2.simulation?.close(at: clock)
            default: waited.3.simulation?.close(at: clock)
            }
        }
        currentSimulation?.close(at: clock)
    }

    /// A successful xrWaitFrame. `knobs` and `decision` are the frame's, as
    /// decided before the wait went down (its frame divisor: the display
    /// periods the frame is meant to last); the frame carries them to its end.
    public mutating func waitReturned(atNs now: Int64, displayTime: Int64, displayPeriod: Int64, shouldRender: Bool,
                                      knobs: KnobSettings = KnobSettings(), decision: ControllerDecision? = nil,
                                      clock: ThreadClock? = nil) {
        var stamped = knobs
        stamped.frameDivisor = max(1, knobs.frameDivisor)
        let frame = Waited(frameIndex: waitsReturned, waitCallNs: pendingWaitCallNs, waitReturnNs: now,
                           displayTime: displayTime, displayPeriod: displayPeriod, shouldRender: shouldRender,
                           knobs: stamped, decision: decision, simulation: clock.map(ThreadSpan.init(from:)))
        waitsReturned &+= 1
        if waitedCount == Self.maxWaitedFrames {
            waitedHead = (waitedHead + 1) % Self.maxWaitedFrames
            waitedCount -= 1
        }
        setWaited((waitedHead + waitedCount) % Self.maxWaitedFrames, frame)
        waitedCount += 1
    }

    /// A successful xrBeginFrame (`discarded`: it returned XR_FRAME_DISCARDED,
    /// so the frame begun before it will never be ended).
    public mutating func beginCalled(atNs now: Int64, discarded: Bool, clock: ThreadClock? = nil) {
        if let clock { threadCalled(clock) }
        guard waitedCount > 0 else { return }
        let frame = getWaited(waitedHead)
        waitedHead = (waitedHead + 1) % Self.maxWaitedFrames
        waitedCount -= 1
        var flags: FrameFlags = frame.shouldRender ? [] : [.notRendered]
        if discarded { flags.insert(.discarded) }
        var record = FrameRecord(
            frameIndex: frame.frameIndex, predictedDisplayTime: frame.displayTime,
            displayPeriodNs: frame.displayPeriod, waitCallNs: frame.waitCallNs, waitReturnNs: frame.waitReturnNs,
            beginCallNs: now, flags: flags, knobs: frame.knobs)
        record.decision = frame.decision
        current = record
        currentSimulation = frame.simulation
        currentRender = clock.map(ThreadSpan.init(from:))
    }

    /// Time the layer spent on its own work (outside calls down the chain).
    public mutating func addLayerTime(_ nanoseconds: Int64) {
        unattributedLayerNs &+= max(0, nanoseconds)
    }

    /// The frame the next xrBeginFrame will start, if one was waited for.
    public var nextFrameToBegin: UInt64? {
        waitedCount > 0 ? getWaited(waitedHead).frameIndex : nil
    }

    /// The frame between xrBeginFrame and xrEndFrame, if any.
    public var frameInProgress: UInt64? { current?.frameIndex }

    /// The knobs the frame in progress was stamped with at its wait.
    public var knobsInProgress: KnobSettings? { current?.knobs }

    public mutating func endCalled(atNs now: Int64, clock: ThreadClock? = nil) {
        current?.endCallNs = now
        if let clock {
            threadCalled(clock)
            currentRender?.close(at: clock)
        }
    }

    /// The thread whose simulation span of the frame in progress is still
    /// open (it made no frame call since its wait returned), if any: the
    /// layer reads that thread's clock for `endReturned`.
    public var openSimulationThread: Int32? {
        guard let simulation = currentSimulation, simulation.endNs == nil else { return nil }
        return simulation.thread
    }

    /// xrEndFrame returned: the finished record, or nil when there was no
    /// begun frame (an out-of-order call the runtime rejected) or it failed.
    /// `simulationClock`: the open simulation thread's clock read now
    /// (`openSimulationThread`), which ends its span. Without thread clocks
    /// (none given) app CPU time is the wall span from the wait's return to
    /// the xrEndFrame call.
    public mutating func endReturned(atNs now: Int64, succeeded: Bool, simulationClock: ThreadClock? = nil) -> FrameRecord? {
        guard var frame = current else { return nil }
        current = nil
        var simulation = currentSimulation, render = currentRender
        (currentSimulation, currentRender) = (nil, nil)
        guard succeeded else { return nil }
        tally.recordFrame(atNanoseconds: UInt64(max(0, now)))
        frame.endReturnNs = now
        if let simulationClock { simulation?.close(at: simulationClock) }
        if simulation != nil || render != nil {
            frame.appCpuNs = AppCpuTime.of(simulation: simulation, render: render)
            frame.simCpuNs = simulation?.nanoseconds
            frame.renderCpuNs = render?.nanoseconds
        } else {
            frame.appCpuNs = frame.endCallNs >= frame.waitReturnNs ? frame.endCallNs - frame.waitReturnNs : nil
        }
        if let last = lastWaitReturnNs, frame.waitReturnNs >= last, frame.frameIndex > 0 {
            frame.frameIntervalNs = frame.waitReturnNs - last
        }
        lastWaitReturnNs = frame.waitReturnNs
        frame.missedFrames = Self.missedPeriods(previous: lastDisplayTime, current: frame.predictedDisplayTime,
                                                period: frame.displayPeriodNs, divisor: frame.knobs.frameDivisor)
        if frame.missedFrames > 0 { frame.flags.insert(.late) }
        lastDisplayTime = frame.predictedDisplayTime
        frame.layerCpuNs = unattributedLayerNs
        unattributedLayerNs = 0
        return frame
    }

    /// Display periods skipped between two frames' display times: a frame is
    /// missed when display time advanced by more than 1.5 periods, or, when the
    /// throttle paces every d-th period, by more than d + 0.5.
    public static func missedPeriods(previous: Int64?, current: Int64, period: Int64, divisor: UInt32 = 1) -> UInt32 {
        guard let previous, period > 0, current > previous else { return 0 }
        let advance = current - previous
        let expected = Int64(max(1, divisor))
        guard advance * 2 > period * (2 * expected + 1) else { return 0 }
        let periods = (Double(advance) / Double(period)).rounded()
        return UInt32(clamping: max(0, Int64(periods) - expected))
    }

    private func getWaited(_ index: Int) -> Waited {
        switch index {
        case 0: waited.0
        case 1: waited.1
        case 2: waited.2
        default: waited.3
        }
    }

    private mutating func setWaited(_ index: Int, _ value: Waited) {
        switch index {
        case 0: waited.0 = value
        case 1: waited.1 = value
        case 2: waited.2 = value
        default: waited.3 = value
        }
    }
}
