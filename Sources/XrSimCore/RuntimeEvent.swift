/// One XrEventDataSessionStateChanged waiting to be polled.
public struct SessionStateEvent: Equatable, Sendable {
    public let session: UInt64
    public let state: SessionState
    public let time: Int64

    public init(session: UInt64, state: SessionState, time: Int64) {
        self.session = session
        self.state = state
        self.time = time
    }
}

/// One XrEventDataDisplayRefreshRateChangedFB waiting to be polled. The C
/// struct names no session; the session is kept so the event dies with it.
public struct RefreshRateChangedEvent: Equatable, Sendable {
    public let session: UInt64
    /// Floats, as the event carries them: the very values the enumeration gave.
    public let from: Float
    public let to: Float

    public init(session: UInt64, change: RefreshRateChange) {
        self.session = session
        from = Float(change.from)
        to = Float(change.to)
    }
}

/// Anything xrPollEvent can hand out.
public enum RuntimeEvent: Equatable, Sendable {
    case sessionState(SessionStateEvent)
    case refreshRateChanged(RefreshRateChangedEvent)
    /// XrEventDataInteractionProfileChanged: a top-level user path got a profile.
    case interactionProfileChanged(session: UInt64)

    public var session: UInt64 {
        switch self {
        case .sessionState(let event): event.session
        case .refreshRateChanged(let event): event.session
        case .interactionProfileChanged(let session): session
        }
    }
}
