/// The calling thread and its own CPU time (CLOCK_THREAD_CPUTIME_ID) at one
/// frame call: what app CPU time is measured from. Sleeping, waiting on a
/// fence or a condition variable adds nothing to it.
public struct ThreadClock: Sendable, Equatable {
    /// The kernel's thread id.
    public var thread: Int32
    public var cpuNs: Int64

    public init(thread: Int32, cpuNs: Int64) {
        self.thread = thread
        self.cpuNs = cpuNs
    }
}

/// One thread's CPU time over a span of a frame: from a start reading to the
/// thread's next frame call (or, if it has made none by the time the frame
/// ends, a reading of its clock then).
public struct ThreadSpan: Sendable, Equatable {
    public var thread: Int32
    public var startNs: Int64
    public var endNs: Int64?

    public init(from clock: ThreadClock) {
        thread = clock.thread
        startNs = clock.cpuNs
    }

    /// Closes the span at `clock` when it is the span's thread's reading.
    mutating func close(at clock: ThreadClock) {
        if endNs == nil, clock.thread == thread { endNs = max(startNs, clock.cpuNs) }
    }

    var nanoseconds: Int64? { endNs.map { $0 - startNs } }
}

/// App CPU time of a frame from its two parts: the simulation part (the
/// xrWaitFrame thread, from the wait's return to that thread's next frame
/// call) and the render part (the xrBeginFrame thread, from the begin to the
/// xrEndFrame call). On one thread they add up (a single-threaded loop);
/// on two, the frame costs the busier thread's time, since engines run the
/// threads side by side, each within the period.
public enum AppCpuTime {
    public static func of(simulation: ThreadSpan?, render: ThreadSpan?) -> Int64? {
        let sim = simulation?.nanoseconds, draw = render?.nanoseconds
        guard let simulation, let render else { return sim ?? draw }
        if simulation.thread == render.thread { return (sim ?? 0) + (draw ?? 0) }
        return max(sim ?? 0, draw ?? 0)
    }
}
