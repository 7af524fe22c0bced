/// XrSessionState, with the raw values of the OpenXR headers.
public enum SessionState: Int32, Sendable, CustomStringConvertible {
    case unknown = 0, idle, ready, synchronized, visible, focused, stopping, lossPending, exiting

    public var description: String {
        switch self {
        case .unknown: "UNKNOWN"
        case .idle: "IDLE"
        case .ready: "READY"
        case .synchronized: "SYNCHRONIZED"
        case .visible: "VISIBLE"
        case .focused: "FOCUSED"
        case .stopping: "STOPPING"
        case .lossPending: "LOSS_PENDING"
        case .exiting: "EXITING"
        }
    }
}

/// The session state machine of spec 9.3 ("Session lifecycle") as a headless
/// compositor drives it. Every mutating call returns the states to announce,
/// in order; the runtime turns each into an XrEventDataSessionStateChanged.
/// `state` is the runtime's view, which is ahead of the application's until it
/// polls the events.
public struct SessionLifecycle: Sendable {
    public private(set) var state: SessionState = .unknown
    /// Between a successful xrBeginSession and xrEndSession.
    public private(set) var isRunning = false
    /// Whether STOPPING has been announced (by exit request or frame limit).
    public private(set) var isStopping = false
    private var hasEndedFrame = false
    /// After this many submitted frames the runtime asks the app to stop; 0 = never.
    public let frameLimit: UInt64

    public init(frameLimit: UInt64) { self.frameLimit = frameLimit }

    /// xrCreateSession: the runtime is immediately ready for the app to begin.
    public mutating func created() -> [SessionState] {
        move(to: [.idle, .ready])
    }

    /// xrBeginSession. The spec checks "already running" before "not ready".
    public mutating func begin(viewConfigurationSupported: Bool) throws(XrSimError) -> [SessionState] {
        if isRunning { throw .sessionRunning }
        guard state == .ready else { throw .sessionNotReady }
        guard viewConfigurationSupported else { throw .viewConfigurationTypeUnsupported }
        isRunning = true
        return []
    }

    /// A successful xrEndFrame, `submittedFrames` counting it. Like Monado, the
    /// first ended frame synchronises the session; a headless compositor then
    /// has nothing to hide it behind, so it becomes visible and focused at once.
    public mutating func frameEnded(submittedFrames: UInt64) -> [SessionState] {
        guard isRunning, !isStopping else { return [] }
        var announced: [SessionState] = []
        if !hasEndedFrame {
            hasEndedFrame = true
            announced += move(to: [.synchronized, .visible, .focused])
        }
        if frameLimit > 0, submittedFrames >= frameLimit {
            announced += stop()
        }
        return announced
    }

    /// xrRequestExitSession.
    public mutating func requestExit() throws(XrSimError) -> [SessionState] {
        guard isRunning else { throw .sessionNotRunning }
        return isStopping ? [] : stop()
    }

    /// xrEndSession. STOPPING in XrSim always means "exit", so IDLE is followed
    /// by EXITING (spec: the runtime transitions to EXITING when it wants the
    /// application to exit, e.g. after xrRequestExitSession).
    public mutating func end() throws(XrSimError) -> [SessionState] {
        guard isRunning else { throw .sessionNotRunning }
        guard state == .stopping else { throw .sessionNotStopping }
        isRunning = false
        return move(to: [.idle, .exiting])
    }

    /// Frames are rendered only while the app can be seen (spec: shouldRender).
    public var shouldRender: Bool { state == .visible || state == .focused }

    public var isFocused: Bool { state == .focused }

    /// Walks down the diagram (FOCUSED -> VISIBLE -> SYNCHRONIZED) before
    /// STOPPING, as the spec requires transitions to be sequential. A session
    /// that never ended a frame passes through SYNCHRONIZED too (Monado does).
    private mutating func stop() -> [SessionState] {
        isStopping = true
        var path: [SessionState] = []
        if state == .focused { path.append(.visible) }
        if state == .focused || state == .visible || state == .ready { path.append(.synchronized) }
        hasEndedFrame = true
        path.append(.stopping)
        return move(to: path)
    }

    private mutating func move(to states: [SessionState]) -> [SessionState] {
        if let last = states.last { state = last }
        return states
    }
}
