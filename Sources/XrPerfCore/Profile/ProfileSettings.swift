/// The resolved settings as typed values, grouped like the profile file:
/// what the layer's features read (once per resolution, never per frame
/// through the key table).
public struct ProfileSettings: Sendable, Equatable {
    public enum UpscaleFilter: String, Sendable { case bilinear, edge }
    public enum FoveationMode: String, Sendable { case off, fixed, gaze }

    public struct Telemetry: Sendable, Equatable {
        public var recordPath: String
        public var ringSize: Int
    }

    public struct Controller: Sendable, Equatable {
        public var enabled: Bool
        public var headroom: Double
        public var minRenderScale: Double
        public var maxRenderScale: Double
        public var initialRenderScale: Double
        public var frameDivisorAllowed: Bool
        public var refreshRateAllowed: Bool
        public var maximumStepUp: Double
        public var upHysteresis: Double
        public var downHysteresis: Double
        public var holdAfterDecrease: Int
        public var discreteUpgradeHold: Int
        public var panicUsefulnessThreshold: Double
    }

    public struct Upscale: Sendable, Equatable {
        public var renderScale: Double
        /// 0: the same as renderScale.
        public var renderScaleY: Double
        /// Explicit eye buffer size in pixels; 0: from the scale.
        public var width: Double
        public var height: Double
        public var filter: UpscaleFilter
        public var sharpness: Double
        public var pass: UpscalePassPath = .graphics
    }

    public struct Foveation: Sendable, Equatable {
        public var mode: FoveationMode
        public var peripheralDensity: Double
        public var focusDensity: Double
        public var focusSize: Double
        public var focusOffsetX: Double
        public var focusOffsetY: Double
        public var edgeSmoothing: Double
        public var sharpness: Double
        public var forceEmulation: Bool
    }

    public struct Throttle: Sendable, Equatable {
        /// 0: no cap.
        public var targetFps: Double
    }

    public var preset: ProfilePreset
    public var telemetry: Telemetry
    public var controller: Controller
    public var upscale: Upscale
    public var foveation: Foveation
    public var throttle: Throttle

    /// The built-in defaults.
    public init() {
        self.init(ResolvedProfile())
    }

    init(_ resolved: ResolvedProfile) {
        // Values were checked against their key's kind when they entered a
        // layer, so the fallbacks below are never taken.
        func number(_ key: ProfileKey) -> Double { resolved[key].value.numberValue ?? 0 }
        func flag(_ key: ProfileKey) -> Bool { resolved[key].value.boolValue ?? false }
        func text(_ key: ProfileKey) -> String { resolved[key].value.textValue ?? "" }
        preset = ProfilePreset(rawValue: text(.preset)) ?? .balanced
        telemetry = Telemetry(recordPath: text(.telemetryRecordPath), ringSize: Int(number(.telemetryRingSize)))
        controller = Controller(
            enabled: flag(.controllerEnabled), headroom: number(.controllerHeadroom),
            minRenderScale: number(.controllerMinRenderScale), maxRenderScale: number(.controllerMaxRenderScale),
            initialRenderScale: number(.controllerInitialRenderScale),
            frameDivisorAllowed: flag(.controllerFrameDivisorAllowed),
            refreshRateAllowed: flag(.controllerRefreshRateAllowed), maximumStepUp: number(.controllerMaximumStepUp),
            upHysteresis: number(.controllerUpHysteresis), downHysteresis: number(.controllerDownHysteresis),
            holdAfterDecrease: Int(number(.controllerHoldAfterDecrease)),
            discreteUpgradeHold: Int(number(.controllerDiscreteUpgradeHold)),
            panicUsefulnessThreshold: number(.controllerPanicUsefulnessThreshold))
        upscale = Upscale(
            renderScale: number(.upscaleRenderScale), renderScaleY: number(.upscaleRenderScaleY),
            width: number(.upscaleWidth), height: number(.upscaleHeight), filter: UpscaleFilter(rawValue: text(.upscaleFilter)) ?? .edge,
            sharpness: number(.upscaleSharpness), pass: UpscalePassPath(rawValue: text(.upscalePass)) ?? .graphics)
        foveation = Foveation(
            mode: FoveationMode(rawValue: text(.foveationMode)) ?? .off,
            peripheralDensity: number(.foveationPeripheralDensity), focusDensity: number(.foveationFocusDensity),
            focusSize: number(.foveationFocusSize), focusOffsetX: number(.foveationFocusOffsetX),
            focusOffsetY: number(.foveationFocusOffsetY), edgeSmoothing: number(.foveationEdgeSmoothing),
            sharpness: number(.foveationSharpness), forceEmulation: flag(.foveationForceEmulation))
        throttle = Throttle(targetFps: number(.throttleTargetFps))
    }

    /// The controller's tuning from these settings (forecaster settings
    /// stay the benchmarked ones: they are not user knobs).
    public var controllerConfiguration: ControllerConfiguration {
        var knobs = KnobModel(renderScaleRange: controller.minRenderScale...max(controller.minRenderScale, controller.maxRenderScale))
        knobs.allowHalfRate = controller.frameDivisorAllowed
        var configuration = ControllerConfiguration(knobs: knobs)
        configuration.headroom = controller.headroom
        configuration.initialRenderScale = controller.initialRenderScale
        configuration.maximumStepUp = controller.maximumStepUp
        configuration.upHysteresis = controller.upHysteresis
        configuration.downHysteresis = controller.downHysteresis
        configuration.holdAfterDecrease = controller.holdAfterDecrease
        configuration.discreteUpgradeHold = controller.discreteUpgradeHold
        configuration.panicUsefulnessThreshold = controller.panicUsefulnessThreshold
        return configuration
    }
}
