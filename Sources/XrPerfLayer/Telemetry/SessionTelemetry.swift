import COpenXR
import Glibc
import Synchronization
import XrPerfCore

/// Everything the layer measures about one session's frames, and where it
/// goes: the live shared-memory ring and, when asked, a recording. Each part
/// that cannot be set up (no runtime directory, unwritable file) is logged once
/// and left out; the frames keep flowing either way.
final class SessionTelemetry: @unchecked Sendable {
    private let timeline = Mutex(FrameTimeline())
    private let file: SharedTelemetryFile?
    private let recorder: RecordingWriter?
    private let features: FeatureFlags
    /// Knob settings in force; fixed until the controller lands.
    private let knobs = KnobSettings()

    private static let nextSerial = Atomic<UInt64>(1)

    init(instance: InstanceState, systemName: String) {
        let info = SessionInfo(
            pid: getpid(), sessionSerial: Self.nextSerial.wrappingAdd(1, ordering: .relaxed).oldValue,
            application: instance.applicationName, engine: instance.engineName, runtime: instance.runtimeName,
            system: systemName, gpu: "", profile: "built-in defaults",
            startRealtimeNs: Self.clock(CLOCK_REALTIME), startMonotonicNs: Self.clock(CLOCK_MONOTONIC))
        var environment: [String: String] = [:]
        if let value = getenv("XDG_RUNTIME_DIR") { environment["XDG_RUNTIME_DIR"] = String(cString: value) }

        if Self.liveTelemetryDisabled {
            file = nil
        } else {
            do {
                file = try SharedTelemetryFile(session: info, capacity: XRPERF_TELEMETRY_DEFAULT_CAPACITY,
                                               environment: environment)
                logDebug("live telemetry: \(file?.path ?? "")")
            } catch {
                logWarn("live telemetry off for this session: \(error)")
                file = nil
            }
        }
        if let raw = getenv("XRPERF_RECORD"), raw.pointee != 0 {
            let path = RecordPathTemplate.expand(String(cString: raw), pid: info.pid, serial: info.sessionSerial)
            recorder = RecordingWriter(path: path, session: info)
        } else {
            recorder = nil
        }
        features = recorder == nil ? [] : [.recording]
    }

    /// `XRPERF_TELEMETRY=off` (or 0/false/no) turns the shared-memory ring off.
    private static var liveTelemetryDisabled: Bool {
        guard let raw = getenv("XRPERF_TELEMETRY") else { return false }
        return ["off", "0", "false", "no"].contains(String(cString: raw).lowercased())
    }

    func waitCalled(atNs now: Int64) {
        timeline.withLock { $0.waitCalled(atNs: now) }
    }

    func waitReturned(atNs now: Int64, state: XrFrameState) {
        timeline.withLock {
            $0.waitReturned(atNs: now, displayTime: state.predictedDisplayTime,
                            displayPeriod: state.predictedDisplayPeriod, shouldRender: state.shouldRender != 0)
        }
    }

    func beginCalled(atNs now: Int64, discarded: Bool) {
        timeline.withLock { $0.beginCalled(atNs: now, discarded: discarded) }
    }

    func endCalled(atNs now: Int64) {
        timeline.withLock { $0.endCalled(atNs: now) }
    }

    func addLayerTime(_ nanoseconds: Int64) {
        timeline.withLock { $0.addLayerTime(nanoseconds) }
    }

    /// xrEndFrame returned: finish the frame and publish it.
    func endReturned(atNs now: Int64, succeeded: Bool) {
        guard var frame = timeline.withLock({ $0.endReturned(atNs: now, succeeded: succeeded) }) else { return }
        frame.knobs = knobs
        frame.features = features
        frame.flags.insert(.gpuUnavailable)
        frame.layerGpuNs = 0  // the layer runs no GPU pass yet
        if let file {
            var record = XrPerfFrameRecord(frame)
            file.publish(&record)
        }
        recorder?.push(frame)
    }

    /// Session end: the recording is completed and the live file removed.
    func close() {
        recorder?.close()
        file?.close()
    }

    private static func clock(_ id: clockid_t) -> Int64 {
        var now = timespec()
        clock_gettime(id, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
