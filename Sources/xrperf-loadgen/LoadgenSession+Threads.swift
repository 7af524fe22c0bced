import COpenXR
import Foundation

/// --threads 2: the frame split the way engines split it. This thread polls
/// events and calls xrWaitFrame; a render thread takes each frame from there
/// and calls xrBeginFrame, acquires, waits on and releases the swapchain
/// images, submits the GPU work and calls xrEndFrame. The next xrWaitFrame,
/// and the simulation's work after it (--sim-cpu-ms), overlap the render
/// thread's work on the previous frame (--pipelined is this mode).
extension LoadgenSession {
    func runOnTwoThreads() throws(LoadgenError) {
        let handoff = FrameHandoff()
        self.handoff = handoff
        startRenderThread(handoff)
        defer {
            handoff.close()
            self.handoff = nil
        }
        // Counted here, not from the summary the render thread owns: a frame
        // handed over is one the render thread will submit before xrEndSession.
        var handed: UInt64 = 0
        var firstWaitReturn: UInt64?
        while !finished {
            try pollEvents()
            if finished { break }
            if running {
                if !exitRequested && shouldStop(frames: handed, firstFrameStartNs: firstWaitReturn) {
                    simulationSpans?.close()
                    try connection.check(xrRequestExitSession(session), "xrRequestExitSession")
                    exitRequested = true
                    continue
                }
                simulationSpans?.close()
                let ticket = try waitFrame()
                simulationSpans?.open(threadCpuNs: ticket.waitReturnCpuNs)
                if firstWaitReturn == nil { firstWaitReturn = ticket.waitReturnNs }
                try handoff.hand(ticket)
                handed += 1
            } else {
                var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
                nanosleep(&pause, nil)
            }
        }
        simulationSpans?.close()
        try handoff.drain()
    }

    private func startRenderThread(_ handoff: FrameHandoff) {
        let session = UncheckedSendable(self)
        let thread = Thread {
            while let ticket = handoff.next() {
                do throws(LoadgenError) {
                    try session.value.submitFrame(ticket, begun: handoff.frameBegun)
                    handoff.frameEnded()
                } catch {
                    handoff.failed(error)
                    break
                }
            }
            handoff.workerDidExit()
        }
        thread.name = "loadgen-render"
        // Foundation's default for secondary threads is 512 KiB; Vulkan drivers
        // and sanitizer builds want the main thread's usual 8 MiB.
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// The session crosses to the render thread once; from then until
/// `FrameHandoff.close` returns, only that thread touches its frame state
/// (summary, targets, compute, views), and the handoff's lock orders every
/// hand-over between the two threads.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
