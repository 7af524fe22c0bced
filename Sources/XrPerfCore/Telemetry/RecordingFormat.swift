/// xrperf recordings: JSON Lines, written by the layer (XRPERF_RECORD) and by
/// `xrperf record`. Line 1 is a header, then one line per frame, then an end
/// line that says how many frames were written and dropped, so a reader can
/// tell a complete recording from a cut one. Written without Foundation (the
/// layer has none); read back with any JSON parser.
///
///     {"type":"header","format":"xrperf-recording","version":1,"pid":…,"application":"…",…}
///     {"type":"frame","frame":0,"display_time_ns":…,"app_cpu_ms":1.234,"app_gpu_ms":null,…}
///     {"type":"end","frames":1000,"dropped":0}
///
/// Durations are milliseconds with microsecond resolution (null when not
/// measured); timestamps are integer nanoseconds of CLOCK_MONOTONIC.
public enum RecordingFormat {
    public static let formatName = "xrperf-recording"
    public static let version = 1

    public static func headerLine(_ info: SessionInfo) -> String {
        var line = JSONLine()
        line.field("type", "header")
        line.field("format", formatName)
        line.field("version", Int64(version))
        line.field("pid", Int64(info.pid))
        line.field("session_serial", Int64(bitPattern: info.sessionSerial))
        line.field("application", info.application)
        line.field("engine", info.engine)
        line.field("runtime", info.runtime)
        line.field("system", info.system)
        line.field("gpu", info.gpu)
        line.field("profile", info.profile)
        line.field("start_realtime_ns", info.startRealtimeNs)
        line.field("start_monotonic_ns", info.startMonotonicNs)
        return line.finish()
    }

    public static func frameLine(_ frame: FrameRecord) -> String {
        var line = JSONLine()
        line.field("type", "frame")
        line.field("frame", Int64(bitPattern: frame.frameIndex))
        line.field("display_time_ns", frame.predictedDisplayTime)
        line.field("display_period_ns", frame.displayPeriodNs)
        line.field("wait_call_ns", frame.waitCallNs)
        line.field("wait_return_ns", frame.waitReturnNs)
        line.field("begin_call_ns", frame.beginCallNs)
        line.field("end_call_ns", frame.endCallNs)
        line.field("end_return_ns", frame.endReturnNs)
        line.milliseconds("app_cpu_ms", frame.appCpuNs)
        line.milliseconds("app_gpu_ms", frame.appGpuNs)
        line.milliseconds("layer_cpu_ms", frame.layerCpuNs)
        line.milliseconds("layer_gpu_ms", frame.layerGpuNs)
        line.milliseconds("interval_ms", frame.frameIntervalNs)
        line.field("missed", Int64(frame.missedFrames))
        line.field("late", frame.isLate)
        line.field("render_scale", Double(frame.knobs.renderScale))
        line.field("frame_divisor", Int64(frame.knobs.frameDivisor))
        line.field("foveation", frame.knobs.foveation.name)
        line.names("flags", FrameFlags.names.filter { frame.flags.contains($0.0) }.map(\.1))
        line.names("features", FeatureFlags.names.filter { frame.features.contains($0.0) }.map(\.1))
        return line.finish()
    }

    public static func endLine(frames: UInt64, dropped: UInt64) -> String {
        var line = JSONLine()
        line.field("type", "end")
        line.field("frames", Int64(bitPattern: frames))
        line.field("dropped", Int64(bitPattern: dropped))
        return line.finish()
    }
}
