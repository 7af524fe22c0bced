import XrPerfCore

/// One live session as `status` and `top` show it: who it is and the
/// statistics of its last second (at most 1024 frames) of the ring.
struct TelemetrySessionSummary: Codable {
    var id: String
    var file: String
    var pid: Int32
    var serial: UInt64
    var application: String
    var engine: String
    var runtime: String
    var system: String
    var gpu: String
    var profile: String
    var state: String
    var publishedFrames: UInt64
    var ringCapacity: UInt64
    /// Seconds since the session started (CLOCK_REALTIME of the header).
    var ageSeconds: Double?
    /// Frames in the analysed window and the window's length.
    var windowFrames: Int
    var windowSeconds: Double
    /// nil before the first frame.
    var statistics: FrameStatistics?
    var knobs: KnobUsage.Setting?
    /// The controller's plan for the newest frame, when it decides.
    var controller: ControllerPlan?
    var features: [String]

    struct ControllerPlan: Codable {
        var forecastGpuMs: Double
        var targetMs: Double
    }

    static let windowSeconds = 1.0
    static let windowFrames = 1024

    init(_ session: TelemetrySession, realtimeNowNs: Int64) {
        let info = session.file.info
        id = session.id
        file = session.file.path
        pid = info.pid
        serial = info.sessionSerial
        application = info.application
        engine = info.engine
        runtime = info.runtime
        system = info.system
        gpu = info.gpu
        profile = info.profile
        state = session.file.stateName
        publishedFrames = session.file.published
        ringCapacity = session.file.capacity
        ageSeconds = info.startRealtimeNs > 0 ? Double(realtimeNowNs - info.startRealtimeNs) / 1e9 : nil
        let frames = session.file.recentFrames(maxFrames: Self.windowFrames, seconds: Self.windowSeconds)
        windowFrames = frames.count
        statistics = FrameStatistics(frames: frames)
        windowSeconds = statistics?.durationSeconds ?? 0
        knobs = frames.last.map { KnobUsage.Setting($0.knobs) }
        controller = frames.last?.decision.map {
            ControllerPlan(forecastGpuMs: Double($0.forecastGpuNs) / 1e6, targetMs: Double($0.targetNs) / 1e6)
        }
        features = frames.last.map { frame in FeatureFlags.names.filter { frame.features.contains($0.0) }.map(\.1) } ?? []
    }
}
