/// Who produced a stream of frames: the header of the live telemetry file
/// and of a recording.
public struct SessionInfo: Sendable, Equatable, Codable {
    public var pid: Int32
    public var sessionSerial: UInt64
    public var application: String
    public var engine: String
    public var runtime: String
    public var system: String
    public var gpu: String
    public var profile: String
    /// CLOCK_REALTIME at session creation, nanoseconds since the epoch.
    public var startRealtimeNs: Int64
    /// CLOCK_MONOTONIC at session creation, to relate frame timestamps to it.
    public var startMonotonicNs: Int64

    public init(pid: Int32, sessionSerial: UInt64, application: String, engine: String, runtime: String,
                system: String, gpu: String, profile: String, startRealtimeNs: Int64, startMonotonicNs: Int64) {
        self.pid = pid
        self.sessionSerial = sessionSerial
        self.application = application
        self.engine = engine
        self.runtime = runtime
        self.system = system
        self.gpu = gpu
        self.profile = profile
        self.startRealtimeNs = startRealtimeNs
        self.startMonotonicNs = startMonotonicNs
    }

    enum CodingKeys: String, CodingKey {
        case pid, application, engine, runtime, system, gpu, profile
        case sessionSerial = "session_serial"
        case startRealtimeNs = "start_realtime_ns"
        case startMonotonicNs = "start_monotonic_ns"
    }
}
