/// xrperf recordings: JSON Lines, written by the layer (XRPERF_RECORD) and by
/// `xrperf record`. Line 1 is a header, then one line per frame, then an end
/// line that says how many frames were written and dropped, so a reader can
/// tell a complete recording from a cut one. Written without Foundation (the
/// layer has none) and, for frame lines, without allocating; read back with
/// any JSON parser.
///
///     {"type":"header","format":"xrperf-recording","version":1,"pid":…,"application":"…",…}
///     {"type":"frame","frame":0,"display_time_ns":…,"app_cpu_ms":1.234,"app_gpu_ms":null,…}
///     {"type":"end","frames":1000,"dropped":0}
///
/// Durations are milliseconds with microsecond resolution (null when not
/// measured); timestamps are integer nanoseconds of CLOCK_MONOTONIC. Fields
/// are only ever added within a version (readers skip names they do not
/// know, and treat a missing duration as not measured): `sim_cpu_ms` and
/// `render_cpu_ms` came that way.
public enum RecordingFormat {
    public static let formatName = "xrperf-recording"
    public static let version = 1

    public static func appendHeaderLine(_ info: SessionInfo, to buffer: inout [UInt8]) {
        var line = JSONLine(into: &buffer)
        line.field("type", "header", into: &buffer)
        line.field("format", formatName, into: &buffer)
        line.field("version", Int64(version), into: &buffer)
        line.field("pid", Int64(info.pid), into: &buffer)
        line.field("session_serial", Int64(bitPattern: info.sessionSerial), into: &buffer)
        line.field("application", info.application, into: &buffer)
        line.field("engine", info.engine, into: &buffer)
        line.field("runtime", info.runtime, into: &buffer)
        line.field("system", info.system, into: &buffer)
        line.field("gpu", info.gpu, into: &buffer)
        line.field("profile", info.profile, into: &buffer)
        line.field("start_realtime_ns", info.startRealtimeNs, into: &buffer)
        line.field("start_monotonic_ns", info.startMonotonicNs, into: &buffer)
        line.finish(into: &buffer)
    }

    public static func appendFrameLine(_ frame: FrameRecord, to buffer: inout [UInt8]) {
        var line = JSONLine(into: &buffer)
        line.field("type", "frame", into: &buffer)
        line.field("frame", Int64(bitPattern: frame.frameIndex), into: &buffer)
        line.field("display_time_ns", frame.predictedDisplayTime, into: &buffer)
        line.field("display_period_ns", frame.displayPeriodNs, into: &buffer)
        line.field("wait_call_ns", frame.waitCallNs, into: &buffer)
        line.field("wait_return_ns", frame.waitReturnNs, into: &buffer)
        line.field("begin_call_ns", frame.beginCallNs, into: &buffer)
        line.field("end_call_ns", frame.endCallNs, into: &buffer)
        line.field("end_return_ns", frame.endReturnNs, into: &buffer)
        line.milliseconds("app_cpu_ms", frame.appCpuNs, into: &buffer)
        line.milliseconds("sim_cpu_ms", frame.simCpuNs, into: &buffer)
        line.milliseconds("render_cpu_ms", frame.renderCpuNs, into: &buffer)
        line.milliseconds("app_gpu_ms", frame.appGpuNs, into: &buffer)
        line.milliseconds("layer_cpu_ms", frame.layerCpuNs, into: &buffer)
        line.milliseconds("layer_gpu_ms", frame.layerGpuNs, into: &buffer)
        line.milliseconds("interval_ms", frame.frameIntervalNs, into: &buffer)
        line.field("missed", Int64(frame.missedFrames), into: &buffer)
        line.field("late", frame.isLate, into: &buffer)
        line.field("render_scale", Double(frame.knobs.renderScale), into: &buffer)
        line.field("frame_divisor", Int64(frame.knobs.frameDivisor), into: &buffer)
        line.field("foveation", frame.knobs.foveation.name, into: &buffer)
        if frame.knobs.passFilter != .none { line.field("pass_filter", frame.knobs.passFilter.name, into: &buffer) }
        if let decision = frame.decision {
            line.milliseconds("forecast_gpu_ms", decision.forecastGpuNs, into: &buffer)
            line.milliseconds("target_ms", decision.targetNs, into: &buffer)
        }
        // The names come from the flag types, the one list readers parse too.
        line.openNames("flags", into: &buffer)
        for (flag, name) in FrameFlags.names { line.name(name, if: frame.flags.contains(flag), into: &buffer) }
        line.closeNames(into: &buffer)
        line.openNames("features", into: &buffer)
        for (feature, name) in FeatureFlags.names { line.name(name, if: frame.features.contains(feature), into: &buffer) }
        line.closeNames(into: &buffer)
        line.finish(into: &buffer)
    }

    public static func appendEndLine(frames: UInt64, dropped: UInt64, to buffer: inout [UInt8]) {
        var line = JSONLine(into: &buffer)
        line.field("type", "end", into: &buffer)
        line.field("frames", Int64(bitPattern: frames), into: &buffer)
        line.field("dropped", Int64(bitPattern: dropped), into: &buffer)
        line.finish(into: &buffer)
    }

    public static func headerLine(_ info: SessionInfo) -> String {
        text { appendHeaderLine(info, to: &$0) }
    }

    public static func frameLine(_ frame: FrameRecord) -> String {
        text { appendFrameLine(frame, to: &$0) }
    }

    public static func endLine(frames: UInt64, dropped: UInt64) -> String {
        text { appendEndLine(frames: frames, dropped: dropped, to: &$0) }
    }

    private static func text(_ build: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        build(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
