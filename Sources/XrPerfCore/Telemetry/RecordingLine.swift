/// One line of a recording (RecordingFormat), decoded. Reading JSON is the
/// CLI's job (JSONDecoder); this type says what the keys mean.
public enum RecordingLine: Sendable, Equatable, Decodable {
    case header(RecordingHeader)
    case frame(FrameRecord)
    case end(frames: UInt64, dropped: UInt64)
    /// A line of a type this version does not know (skipped by readers).
    case other(type: String)

    enum TypeKey: String, CodingKey { case type }
    enum EndKeys: String, CodingKey { case frames, dropped }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "header":
            self = .header(try RecordingHeader(from: decoder))
        case "frame":
            self = .frame(try RecordedFrame(from: decoder).record)
        case "end":
            let container = try decoder.container(keyedBy: EndKeys.self)
            self = .end(frames: try container.decode(UInt64.self, forKey: .frames),
                        dropped: try container.decodeIfPresent(UInt64.self, forKey: .dropped) ?? 0)
        default:
            self = .other(type: type)
        }
    }
}

/// The header line: the format's name and version, and the session.
public struct RecordingHeader: Sendable, Equatable, Decodable {
    public var format: String
    public var version: Int
    public var session: SessionInfo

    enum CodingKeys: String, CodingKey { case format, version }

    public init(format: String = RecordingFormat.formatName, version: Int = RecordingFormat.version,
                session: SessionInfo) {
        self.format = format
        self.version = version
        self.session = session
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        session = try SessionInfo(from: decoder)
    }
}

/// A frame line's keys (RecordingFormat.frameLine). Only `frame` is required;
/// a missing duration is "not measured", a missing knob its default.
struct RecordedFrame: Decodable {
    var record: FrameRecord

    enum CodingKeys: String, CodingKey {
        case frame
        case displayTime = "display_time_ns"
        case displayPeriod = "display_period_ns"
        case waitCall = "wait_call_ns"
        case waitReturn = "wait_return_ns"
        case beginCall = "begin_call_ns"
        case endCall = "end_call_ns"
        case endReturn = "end_return_ns"
        case appCpu = "app_cpu_ms"
        case simCpu = "sim_cpu_ms"
        case renderCpu = "render_cpu_ms"
        case appGpu = "app_gpu_ms"
        case layerCpu = "layer_cpu_ms"
        case layerGpu = "layer_gpu_ms"
        case interval = "interval_ms"
        case missed, late
        case renderScale = "render_scale"
        case frameDivisor = "frame_divisor"
        case foveation, flags, features
        case passFilter = "pass_filter"
        case forecastGpu = "forecast_gpu_ms"
        case target = "target_ms"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func nanoseconds(_ key: CodingKeys) throws -> Int64? {
            guard let ms = try c.decodeIfPresent(Double.self, forKey: key) else { return nil }
            guard ms.isFinite, ms.magnitude < 9e12 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "duration out of range")
            }
            return Int64((ms * 1_000_000).rounded())
        }
        func timestamp(_ key: CodingKeys) throws -> Int64 { try c.decodeIfPresent(Int64.self, forKey: key) ?? 0 }

        var flags = FrameFlags()
        for name in try c.decodeIfPresent([String].self, forKey: .flags) ?? [] {
            if let flag = FrameFlags.names.first(where: { $0.1 == name }) { flags.insert(flag.0) }
        }
        var features = FeatureFlags()
        for name in try c.decodeIfPresent([String].self, forKey: .features) ?? [] {
            if let flag = FeatureFlags.names.first(where: { $0.1 == name }) { features.insert(flag.0) }
        }
        let missed = try c.decodeIfPresent(UInt32.self, forKey: .missed) ?? 0
        if try c.decodeIfPresent(Bool.self, forKey: .late) ?? false { flags.insert(.late) }
        var foveation = FoveationMode.off
        if let name = try c.decodeIfPresent(String.self, forKey: .foveation) {
            guard let mode = FoveationMode(name: name) else {
                throw DecodingError.dataCorruptedError(forKey: .foveation, in: c,
                                                       debugDescription: "unknown foveation mode '\(name)'")
            }
            foveation = mode
        }
        var passFilter = PassFilter.none
        if let name = try c.decodeIfPresent(String.self, forKey: .passFilter) {
            guard let filter = PassFilter(name: name) else {
                throw DecodingError.dataCorruptedError(forKey: .passFilter, in: c,
                                                       debugDescription: "unknown pass filter '\(name)'")
            }
            passFilter = filter
        }
        let knobs = KnobSettings(renderScale: Float(try c.decodeIfPresent(Double.self, forKey: .renderScale) ?? 1),
                                 frameDivisor: try c.decodeIfPresent(UInt32.self, forKey: .frameDivisor) ?? 1,
                                 foveation: foveation, passFilter: passFilter)
        record = FrameRecord(
            frameIndex: try c.decode(UInt64.self, forKey: .frame),
            predictedDisplayTime: try timestamp(.displayTime), displayPeriodNs: try timestamp(.displayPeriod),
            waitCallNs: try timestamp(.waitCall), waitReturnNs: try timestamp(.waitReturn),
            beginCallNs: try timestamp(.beginCall), endCallNs: try timestamp(.endCall),
            endReturnNs: try timestamp(.endReturn), appCpuNs: try nanoseconds(.appCpu),
            simCpuNs: try nanoseconds(.simCpu), renderCpuNs: try nanoseconds(.renderCpu), appGpuNs: try nanoseconds(.appGpu), layerCpuNs: try nanoseconds(.layerCpu),
            layerGpuNs: try nanoseconds(.layerGpu), frameIntervalNs: try nanoseconds(.interval),
            missedFrames: missed, flags: flags, features: features, knobs: knobs)
        if let forecast = try nanoseconds(.forecastGpu), let target = try nanoseconds(.target) {
            record.decision = ControllerDecision(forecastGpuNs: forecast, targetNs: target)
        }
    }
}
