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

/// An instance's event queue (xrPollEvent is per instance, FIFO).
public struct EventQueue: Sendable {
    private var events: [SessionStateEvent] = []
    private var head = 0

    public init() {}

    public mutating func push(_ event: SessionStateEvent) { events.append(event) }

    public mutating func pop() -> SessionStateEvent? {
        guard head < events.count else { return nil }
        defer {
            head += 1
            if head == events.count {
                events.removeAll(keepingCapacity: true)
                head = 0
            }
        }
        return events[head]
    }

    /// Events of a destroyed session must not reach the app with a dead handle.
    public mutating func removeEvents(of session: UInt64) {
        events = Array(events[head...]).filter { $0.session != session }
        head = 0
    }

    public var count: Int { events.count - head }
}
