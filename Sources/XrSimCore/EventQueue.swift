/// An instance's event queue (xrPollEvent is per instance, FIFO).
public struct EventQueue: Sendable {
    private var events: [RuntimeEvent] = []
    private var head = 0

    public init() {}

    public mutating func push(_ event: RuntimeEvent) { events.append(event) }

    public mutating func pop() -> RuntimeEvent? {
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
