/// --frame-log with --threads 2: the waiting (simulation) thread's CPU time
/// per frame. A span opens when xrWaitFrame returns and closes right before
/// that thread's next frame call, xrWaitFrame, or, after the last frame,
/// right before xrRequestExitSession or the wait for the render thread to
/// finish (session STOPPING, or the loop's end), whichever comes first.
/// Touched only by the waiting thread; merged into the log once the render
/// thread has left.
struct SimulationSpans {
    private(set) var spans: [UInt64] = []
    /// The thread's CPU clock when the open span began.
    private var openSince: UInt64?

    init(capacity: Int) {
        spans.reserveCapacity(capacity)
    }

    mutating func open(threadCpuNs: UInt64) {
        close()
        openSince = threadCpuNs
    }

    mutating func close() {
        guard let start = openSince else { return }
        spans.append(CpuBusyWait.threadCpu() - start)
        openSince = nil
    }
}
