/// One frame as xrperf measured it: the Swift twin of the C struct
/// `XrPerfFrameRecord` (include/xrperf/telemetry.h), used by everything that
/// analyses frames. Durations are nanoseconds, nil when not measured.
public struct FrameRecord: Sendable, Equatable {
    public var frameIndex: UInt64
    public var predictedDisplayTime: Int64
    public var displayPeriodNs: Int64
    public var waitCallNs: Int64
    public var waitReturnNs: Int64
    public var beginCallNs: Int64
    public var endCallNs: Int64
    public var endReturnNs: Int64
    /// The busiest thread's CPU time for the frame (AppCpuTime).
    public var appCpuNs: Int64?
    /// Its parts: the xrWaitFrame thread from the wait's return to its next
    /// frame call, and the xrBeginFrame thread from the begin to the
    /// xrEndFrame call; nil where not measured (recordings made before the
    /// parts were, or without thread clocks).
    public var simCpuNs: Int64?
    public var renderCpuNs: Int64?
    public var appGpuNs: Int64?
    public var layerCpuNs: Int64?
    public var layerGpuNs: Int64?
    public var frameIntervalNs: Int64?
    public var missedFrames: UInt32
    public var flags: FrameFlags
    public var features: FeatureFlags
    public var knobs: KnobSettings
    /// What the controller planned for the frame, when it runs.
    public var decision: ControllerDecision?

    public init(frameIndex: UInt64 = 0, predictedDisplayTime: Int64 = 0, displayPeriodNs: Int64 = 0,
                waitCallNs: Int64 = 0, waitReturnNs: Int64 = 0, beginCallNs: Int64 = 0, endCallNs: Int64 = 0,
                endReturnNs: Int64 = 0, appCpuNs: Int64? = nil, simCpuNs: Int64? = nil, renderCpuNs: Int64? = nil,
                appGpuNs: Int64? = nil, layerCpuNs: Int64? = nil, layerGpuNs: Int64? = nil,
                frameIntervalNs: Int64? = nil, missedFrames: UInt32 = 0, flags: FrameFlags = [],
                features: FeatureFlags = [], knobs: KnobSettings = .init()) {
        self.frameIndex = frameIndex
        self.predictedDisplayTime = predictedDisplayTime
        self.displayPeriodNs = displayPeriodNs
        self.waitCallNs = waitCallNs
        self.waitReturnNs = waitReturnNs
        self.beginCallNs = beginCallNs
        self.endCallNs = endCallNs
        self.endReturnNs = endReturnNs
        self.appCpuNs = appCpuNs
        self.simCpuNs = simCpuNs
        self.renderCpuNs = renderCpuNs
        self.appGpuNs = appGpuNs
        self.layerCpuNs = layerCpuNs
        self.layerGpuNs = layerGpuNs
        self.frameIntervalNs = frameIntervalNs
        self.missedFrames = missedFrames
        self.flags = flags
        self.features = features
        self.knobs = knobs
        decision = nil
    }

    /// Missed at least one display period (the architecture's "missed frame").
    public var isLate: Bool { missedFrames > 0 }
}

/// `XRPERF_FRAME_*` of telemetry.h.
public struct FrameFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let late = FrameFlags(rawValue: 1 << 0)
    public static let gpuPending = FrameFlags(rawValue: 1 << 1)
    public static let gpuUnavailable = FrameFlags(rawValue: 1 << 2)
    public static let discarded = FrameFlags(rawValue: 1 << 3)
    public static let notRendered = FrameFlags(rawValue: 1 << 4)

    /// Names used in recordings, in bit order.
    public static let names: [(FrameFlags, String)] = [
        (.late, "late"), (.gpuPending, "gpu_pending"), (.gpuUnavailable, "gpu_unavailable"),
        (.discarded, "discarded"), (.notRendered, "not_rendered"),
    ]
}

/// `XRPERF_FEATURE_*` of telemetry.h.
public struct FeatureFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let gpuTiming = FeatureFlags(rawValue: 1 << 0)
    public static let gpuTimingBypassed = FeatureFlags(rawValue: 1 << 1)
    public static let recording = FeatureFlags(rawValue: 1 << 2)
    public static let upscaling = FeatureFlags(rawValue: 1 << 3)
    /// App GPU time is the GPU's busy time over the app's submissions
    /// (xrperf's Vulkan layer timed each); without it, the span from
    /// xrBeginFrame to xrEndFrame on the app's queue.
    public static let gpuBusy = FeatureFlags(rawValue: 1 << 4)

    public static let names: [(FeatureFlags, String)] = [
        (.gpuTiming, "gpu_timing"), (.gpuTimingBypassed, "gpu_timing_bypassed"), (.recording, "recording"),
        (.upscaling, "upscaling"), (.gpuBusy, "gpu_busy"),
    ]
}

/// The controller's plan for a frame: the GPU time it forecast at the
/// settings it chose, and the time it aimed to stay under.
public struct ControllerDecision: Sendable, Equatable {
    public var forecastGpuNs: Int64
    public var targetNs: Int64

    public init(forecastGpuNs: Int64, targetNs: Int64) {
        self.forecastGpuNs = forecastGpuNs
        self.targetNs = targetNs
    }
}

/// The quality knobs in force for a frame.
public struct KnobSettings: Sendable, Equatable {
    public var renderScale: Float
    public var frameDivisor: UInt32
    public var foveation: FoveationMode
    /// The filter of the layer's upscaling pass (`none`: no pass).
    public var passFilter: PassFilter

    public init(renderScale: Float = 1, frameDivisor: UInt32 = 1, foveation: FoveationMode = .off,
                passFilter: PassFilter = .none) {
        self.renderScale = renderScale
        self.frameDivisor = frameDivisor
        self.foveation = foveation
        self.passFilter = passFilter
    }
}

/// `XRPERF_PASS_FILTER_*` of telemetry.h: the upscaling pass's filter in
/// force for a frame; the controller trades `edge` for `bilinear` under
/// pressure.
public enum PassFilter: UInt32, Sendable, CaseIterable {
    case none = 0
    case bilinear = 1
    case edge = 2

    public var name: String {
        switch self {
        case .none: "none"
        case .bilinear: "bilinear"
        case .edge: "edge"
        }
    }

    public init?(name: String) {
        guard let filter = PassFilter.allCases.first(where: { $0.name == name }) else { return nil }
        self = filter
    }
}

/// `XRPERF_FOVEATION_*` of telemetry.h.
public enum FoveationMode: UInt32, Sendable, CaseIterable {
    case off = 0
    case fixed = 1
    case gaze = 2

    public var name: String {
        switch self {
        case .off: "off"
        case .fixed: "fixed"
        case .gaze: "gaze"
        }
    }

    public init?(name: String) {
        guard let mode = FoveationMode.allCases.first(where: { $0.name == name }) else { return nil }
        self = mode
    }
}
