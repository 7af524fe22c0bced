import COpenXR
import Foundation

/// What xrWaitFrame returned, carried from the thread that waits to the one
/// that renders (--threads 2).
struct FrameTicket {
    var state: XrFrameState
    /// CLOCK_MONOTONIC when xrWaitFrame returned: the CPU load counts from here.
    var waitReturnNs: UInt64
    /// The waiting thread's CPU clock (CLOCK_THREAD_CPUTIME_ID) at the same
    /// moment: where the frame's simulation span starts. Means nothing on
    /// another thread.
    var waitReturnCpuNs: UInt64
}

/// The hand-over between the waiting thread and the render thread, one frame
/// deep as in engines: `hand` returns once the renderer has called
/// xrBeginFrame for that frame, because the spec lets xrWaitFrame for the
/// next frame proceed only after that (a runtime blocks there; XrSim does not,
/// so the app must not rely on it). A failure on the render thread reaches the
/// waiting thread at its next hand-over or drain.
final class FrameHandoff: @unchecked Sendable {  // every field is read and written under `condition`
    private let condition = NSCondition()
    private var pending: FrameTicket?
    private var handed: UInt64 = 0
    private var begun: UInt64 = 0
    private var rendering = false
    private var closed = false
    private var workerExited = false
    private var failure: LoadgenError?

    // MARK: - Waiting thread

    func hand(_ ticket: FrameTicket) throws(LoadgenError) {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        pending = ticket
        handed += 1
        condition.broadcast()
        while begun < handed && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Until every handed frame has been ended: before xrEndSession, which
    /// must not overlap a frame.
    func drain() throws(LoadgenError) {
        condition.lock()
        defer { condition.unlock() }
        while (pending != nil || rendering) && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Stops the render thread after the frame it is on and waits for it to leave.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !workerExited { condition.wait() }
    }

    // MARK: - Render thread

    /// The next frame to render; nil once closed.
    func next() -> FrameTicket? {
        condition.lock()
        defer { condition.unlock() }
        while pending == nil && !closed { condition.wait() }
        guard let ticket = pending, failure == nil else { return nil }
        pending = nil
        rendering = true
        return ticket
    }

    func frameBegun() { update { $0.begun += 1 } }
    func frameEnded() { update { $0.rendering = false } }
    func failed(_ error: LoadgenError) {
        update {
            $0.failure = error
            $0.rendering = false
        }
    }
    func workerDidExit() { update { $0.workerExited = true } }

    private func update(_ change: (FrameHandoff) -> Void) {
        condition.lock()
        change(self)
        condition.broadcast()
        condition.unlock()
    }
}
