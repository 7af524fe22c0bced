import COpenXR
import Glibc
import Synchronization
import XrPerfCore
import XrPerfFormats
import XrPerfVulkan

/// Everything the layer measures about one session's frames, and where it
/// goes: the live shared-memory ring and, when asked, a recording. Each part
/// that cannot be set up (no runtime directory, unwritable file) is logged once
/// and left out; the frames keep flowing either way.
final class SessionTelemetry: @unchecked Sendable {
    private let timeline = Mutex(FrameTimeline())
    private let file: SharedTelemetryFile?
    private let recorder: RecordingWriter?
    private var features: FeatureFlags
    /// The session's own knobs (static render scale, foveation, the pass's
    /// filter), set before the first frame; each frame runs them under the
    /// controller's decision.
    private var knobs = KnobSettings()
    /// Touched only from xrBeginFrame / xrEndFrame, which the app serialises.
    private var gpuTimer: GpuFrameTimer?
    private var pending = PendingGpuFrames()
    /// The frame whose begin timestamp went out.
    private var timedFrame: UInt64?

    private static let nextSerial = Atomic<UInt64>(1)

    /// Learns from every finished frame, when the session adapts.
    private let controller: SessionController?

    init(instance: InstanceState, systemName: String, gpuName: String, profile: SessionProfile,
         vulkan: GpuFrameTimer.Binding?, controller: SessionController?) {
        self.controller = controller
        var timer: GpuFrameTimer?
        if Self.switchedOff("XRPERF_GPU_TIMING") {
            logInfo("app GPU time off: XRPERF_GPU_TIMING")
        } else if let vulkan {
            do {
                try InjectedFaults.check(.gpuTimer)
                let bracketing = QueueBrackets.canBracket(device: vulkan.device)
                let made = try GpuFrameTimer(binding: vulkan, bracketing: bracketing)
                Self.registerBrackets(of: made, bracketing: bracketing)
                timer = made
            } catch {
                logWarn("app GPU time off for this session: \(error)")
            }
        } else {
            logInfo("the session does not use Vulkan: frames are timed on the CPU only")
        }
        gpuTimer = timer
        let info = SessionInfo(
            pid: getpid(), sessionSerial: Self.nextSerial.wrappingAdd(1, ordering: .relaxed).oldValue,
            application: instance.applicationName, engine: instance.engineName, runtime: instance.runtimeName,
            system: systemName, gpu: gpuName, profile: profile.summary,
            startRealtimeNs: Self.clock(CLOCK_REALTIME), startMonotonicNs: Self.clock(CLOCK_MONOTONIC))
        var environment: [String: String] = [:]
        if let value = getenv("XDG_RUNTIME_DIR") { environment["XDG_RUNTIME_DIR"] = String(cString: value) }

        if Self.switchedOff("XRPERF_TELEMETRY") {
            file = nil
        } else {
            do {
                file = try SharedTelemetryFile(session: info, capacity: UInt32(profile.settings.telemetry.ringSize),
                                               environment: environment)
                logDebug("live telemetry: \(file?.path ?? "")")
            } catch {
                logWarn("live telemetry off for this session: \(error)")
                file = nil
            }
        }
        // XRPERF_RECORD reaches here through the profile's environment layer.
        let recordPath = profile.settings.telemetry.recordPath
        if !recordPath.isEmpty {
            let path = RecordPathTemplate.expand(recordPath, pid: info.pid, serial: info.sessionSerial)
            recorder = RecordingWriter(path: path, session: info)
        } else {
            recorder = nil
        }
        var features: FeatureFlags = recorder == nil ? [] : [.recording]
        if timer != nil { features.insert(.gpuTiming) }
        self.features = features
        OpenSessions.shared.add(self)
    }

    /// App GPU time is the busy time over the app's submissions where the
    /// Vulkan layer sits on the app's device; otherwise the span from
    /// xrBeginFrame to xrEndFrame, and the log says how to get the former.
    private static func registerBrackets(of timer: GpuFrameTimer, bracketing: Bool) {
        guard bracketing else {
            logInfo("app GPU time spans xrBeginFrame to xrEndFrame, idle gaps included: the Vulkan layer "
                + "\(VulkanLayerHooks.layerName) is not on the app's device (see docs/telemetry.md, \"App GPU time\")")
            return
        }
        guard let brackets = timer.brackets, QueueBrackets.register(queue: timer.queue, brackets: brackets) else {
            logInfo("app GPU time spans xrBeginFrame to xrEndFrame: \(timer.bracketFailure ?? "no submission timestamps")")
            return
        }
        logDebug("app GPU time: the GPU's busy time over the app's submissions (\(VulkanLayerHooks.layerName))")
    }

    /// Before a timer shuts down: no app submission reaches its brackets.
    private func unregisterBrackets() {
        if let brackets = gpuTimer?.brackets { QueueBrackets.unregister(brackets) }
    }

    /// `XRPERF_TELEMETRY=off` turns the shared-memory ring off and
    /// `XRPERF_GPU_TIMING=off` the Vulkan timestamps (0, false and no work too).
    private static func switchedOff(_ variable: String) -> Bool {
        guard let raw = getenv(variable) else { return false }
        return ["off", "0", "false", "no"].contains(String(cString: raw).lowercased())
    }

    func waitCalled(atNs now: Int64) {
        let clock = ThreadCpuClock.now()
        timeline.withLock { $0.waitCalled(atNs: now, clock: clock) }
    }

    /// A successful xrWaitFrame: the frame is stamped with the knobs it runs
    /// with, the session's own under the controller's `decision`, and with
    /// the divisor that paced the wait.
    func waitReturned(atNs now: Int64, state: XrFrameState, frameDivisor: UInt32, decision: QualityDecision?) {
        let clock = ThreadCpuClock.now()
        var frameKnobs = decision.map { knobs.under($0, scalesRender: controller?.drivesRenderScale == true) } ?? knobs
        frameKnobs.frameDivisor = frameDivisor
        let recorded = decision?.recorded
        timeline.withLock {
            $0.waitReturned(atNs: now, displayTime: state.predictedDisplayTime,
                            displayPeriod: state.predictedDisplayPeriod, shouldRender: state.shouldRender != 0,
                            knobs: frameKnobs, decision: recorded, clock: clock)
        }
    }

    /// A successful xrBeginFrame: also puts the frame's first GPU timestamp
    /// on the app's queue.
    func beginCalled(atNs now: Int64, discarded: Bool) {
        let clock = ThreadCpuClock.now()
        let frame = timeline.withLock { timeline -> UInt64? in
            let frame = timeline.nextFrameToBegin
            timeline.beginCalled(atNs: now, discarded: discarded, clock: clock)
            return frame
        }
        timedFrame = nil
        guard let timer = gpuTimer, let frame else { return }
        do {
            if try timer.frameBegan(frame) { timedFrame = frame }
        } catch {
            disableGpuTiming(error)
        }
    }

    /// xrEndFrame, before the call down: the frame's last GPU timestamp.
    /// Returns the knobs the frame was stamped with at its wait (nil for an
    /// end without a begun frame), for the knobs applied in xrEndFrame.
    func endCalled(atNs now: Int64) -> KnobSettings? {
        let clock = ThreadCpuClock.now()
        let (frame, knobs) = timeline.withLock { timeline -> (UInt64?, KnobSettings?) in
            timeline.endCalled(atNs: now, clock: clock)
            return (timeline.frameInProgress, timeline.knobsInProgress)
        }
        endGpuTiming(frame)
        return knobs
    }

    private func endGpuTiming(_ frame: UInt64?) {
        guard let timer = gpuTimer, let frame, frame == timedFrame else { return }
        do {
            // Mid-session, as a device lost or an exhausted pool would be.
            if frame >= 30 { try InjectedFaults.check(.gpuSubmit) }
            try timer.frameEnding(frame)
        } catch {
            disableGpuTiming(error)
        }
    }

    /// The session upscales at this scale with this filter: set once,
    /// before the first frame.
    func upscaling(renderScale: Double, filter: ProfileSettings.UpscaleFilter) {
        knobs.renderScale = Float(renderScale)
        knobs.passFilter = filter == .edge ? .edge : .bilinear
        features.insert(.upscaling)
    }

    /// The session began with emulated quad views: set once, before the
    /// first frame.
    func foveating(followsGaze: Bool) {
        knobs.foveation = followsGaze ? .gaze : .fixed
    }

    /// Frames finished so far and over what time.
    var tally: FrameTally { timeline.withLock { $0.tally } }

    func addLayerTime(_ nanoseconds: Int64) {
        timeline.withLock { $0.addLayerTime(nanoseconds) }
    }

    /// xrEndFrame returned: finish the frame, publish it, and complete the
    /// frames whose GPU timestamps came back meanwhile.
    func endReturned(atNs now: Int64, succeeded: Bool, layerGpuNs: Int64) {
        let finished = timeline.withLock { timeline in
            // A simulation thread still working on this frame is read from here
            // (one clock read, under the same short lock).
            let simulationClock = timeline.openSimulationThread.flatMap(ThreadCpuClock.read(thread:))
            return timeline.endReturned(atNs: now, succeeded: succeeded, simulationClock: simulationClock)
        }
        if var frame = finished {
            // Knobs and decision came with the frame from xrWaitFrame.
            frame.features = features
            // The layer's pass time comes back a few frames late: this is the
            // latest one measured (0 without a pass, nil before the first).
            frame.layerGpuNs = layerGpuNs >= 0 ? layerGpuNs : nil
            let timed = gpuTimer != nil && timedFrame == frame.frameIndex
            frame.flags.insert(timed ? .gpuPending : .gpuUnavailable)
            if let file {
                var record = XrPerfFrameRecord(frame)
                file.publish(&record)
            }
            if pending.isFull, let oldest = pending.abandonOldest() { republish(oldest) }
            pending.append(frame, resolved: !timed)
        }
        collectGpuTimes()
        pending.popResolved { frame in
            recorder?.push(frame)
            controller?.post(frame)
        }
    }

    private func collectGpuTimes() {
        guard let timer = gpuTimer else { return }
        do {
            try timer.collect { frame, gpuNanoseconds, busy in
                if let resolved = pending.resolve(frame: frame, gpuNanoseconds: gpuNanoseconds, busy: busy) {
                    republish(resolved)
                }
            }
        } catch {
            disableGpuTiming(error)
        }
    }

    /// A frame already in the ring changed (GPU time known or given up).
    private func republish(_ frame: FrameRecord) {
        guard let file else { return }
        var record = XrPerfFrameRecord(frame)
        file.update(&record)
    }

    private func disableGpuTiming(_ error: any Error) {
        logWarn("app GPU time turned off for this session: \(error)")
        unregisterBrackets()
        gpuTimer?.shutdown()
        gpuTimer = nil
        features.remove(.gpuTiming)
        features.insert(.gpuTimingBypassed)
        while pending.count > 0, let oldest = pending.abandonOldest() {
            republish(oldest)
            pending.popResolved { recorder?.push($0) }
        }
    }

    /// Session end: GPU work is waited for, the recording completed and the
    /// live file removed. The app's VkDevice still exists here: it must
    /// outlive the session.
    func close() {
        OpenSessions.shared.remove(self)
        unregisterBrackets()
        gpuTimer?.waitForSubmitted()
        collectGpuTimes()
        gpuTimer?.shutdown()
        gpuTimer = nil
        finishOutputs()
    }

    /// Process exit with the session still alive: the app may have destroyed
    /// its VkDevice already, so Vulkan is left alone; frames still waiting
    /// for GPU time are written as unmeasured.
    func closeAtExit() {
        unregisterBrackets()
        gpuTimer = nil
        finishOutputs()
    }

    private func finishOutputs() {
        while pending.count > 0, let oldest = pending.abandonOldest() {
            republish(oldest)
            pending.popResolved { recorder?.push($0) }
        }
        recorder?.close()
        file?.close()
    }

    private static func clock(_ id: clockid_t) -> Int64 {
        var now = timespec()
        clock_gettime(id, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
