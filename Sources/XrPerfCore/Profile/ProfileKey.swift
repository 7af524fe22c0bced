/// Every setting a profile can hold, by its path in `settings` objects.
/// This table is the one place defaults, ranges and environment variables
/// are defined; docs/profile.md and docs/profile.schema.json repeat it and
/// ProfileSchemaTests keep them in step.
public enum ProfileKey: String, Sendable, CaseIterable, Codable {
    case preset
    case telemetryRecordPath = "telemetry.recordPath"
    case telemetryRingSize = "telemetry.ringSize"
    case controllerEnabled = "controller.enabled"
    case controllerHeadroom = "controller.headroom"
    case controllerMinRenderScale = "controller.minRenderScale"
    case controllerMaxRenderScale = "controller.maxRenderScale"
    case controllerInitialRenderScale = "controller.initialRenderScale"
    case controllerFrameDivisorAllowed = "controller.frameDivisorAllowed"
    case controllerRefreshRateAllowed = "controller.refreshRateAllowed"
    case controllerMaximumStepUp = "controller.maximumStepUp"
    case controllerUpHysteresis = "controller.upHysteresis"
    case controllerDownHysteresis = "controller.downHysteresis"
    case controllerHoldAfterDecrease = "controller.holdAfterDecrease"
    case controllerDiscreteUpgradeHold = "controller.discreteUpgradeHold"
    case controllerPanicUsefulnessThreshold = "controller.panicUsefulnessThreshold"
    case upscaleRenderScale = "upscale.renderScale"
    case upscaleRenderScaleY = "upscale.renderScaleY"
    case upscaleWidth = "upscale.width"
    case upscaleHeight = "upscale.height"
    case upscaleFilter = "upscale.filter"
    case upscaleSharpness = "upscale.sharpness"
    case upscalePass = "upscale.pass"
    case foveationMode = "foveation.mode"
    case foveationPeripheralDensity = "foveation.peripheralDensity"
    case foveationFocusDensity = "foveation.focusDensity"
    case foveationFocusSize = "foveation.focusSize"
    case foveationFocusOffsetX = "foveation.focusOffsetX"
    case foveationFocusOffsetY = "foveation.focusOffsetY"
    case foveationEdgeSmoothing = "foveation.edgeSmoothing"
    case foveationSharpness = "foveation.sharpness"
    case foveationForceEmulation = "foveation.forceEmulation"
    case throttleTargetFps = "throttle.targetFps"

    public var path: String { rawValue }

    /// The group object the key lives in (nil for top-level `preset`).
    public var group: String? {
        guard let dot = rawValue.firstIndex(of: ".") else { return nil }
        return String(rawValue[..<dot])
    }

    /// The key's name inside its group.
    public var name: String {
        guard let dot = rawValue.firstIndex(of: ".") else { return rawValue }
        return String(rawValue[rawValue.index(after: dot)...])
    }

    /// The groups of `settings`, in the order docs and output list them.
    public static let groups = ["telemetry", "controller", "upscale", "foveation", "throttle"]

    /// Position in `allCases`: resolved values are stored in that order.
    var ordinal: Int { Self.allCases.firstIndex(of: self)! }

    public var kind: ProfileValueKind { Self.spec(self).kind }
    public var defaultValue: ProfileValue { Self.spec(self).value }
    public var environmentVariable: String { Self.spec(self).variable }
    public var summary: String { Self.spec(self).summary }

    private static func spec(_ key: ProfileKey) -> (
        kind: ProfileValueKind, value: ProfileValue, variable: String, summary: String
    ) {
        switch key {
        case .preset:
            return (.choice(ProfilePreset.allCases.map(\.rawValue)), .text("balanced"), "XRPERF_PRESET",
                "Bundle of values applied before the other keys of the same settings object.")
        case .telemetryRecordPath:
            return (.text, .text(""), "XRPERF_RECORD",
                "JSON Lines recording of every frame; empty: no recording. %p pid, %s session serial.")
        case .telemetryRingSize:
            return (.integer(16...65536), .number(1024), "XRPERF_RING_SIZE",
                "Frame records kept in the shared-memory ring that `xrperf top` reads.")
        case .controllerEnabled:
            return (.bool, .bool(true), "XRPERF_CONTROLLER",
                "Adapt quality every frame; false keeps upscale.renderScale fixed.")
        case .controllerHeadroom:
            return (.number(0...0.5), .number(0.02), "XRPERF_HEADROOM",
                "Share of the frame budget kept free: target = period x divisor x (1 - headroom).")
        case .controllerMinRenderScale:
            return (.number(0.25...2), .number(0.5), "XRPERF_MIN_RENDER_SCALE",
                "Lowest render scale the controller may choose.")
        case .controllerMaxRenderScale:
            return (.number(0.25...2), .number(1), "XRPERF_MAX_RENDER_SCALE",
                "Highest render scale the controller may choose (above 1 supersamples).")
        case .controllerInitialRenderScale:
            return (.number(0.25...2), .number(0.85), "XRPERF_INITIAL_RENDER_SCALE",
                "Render scale before anything is measured.")
        case .controllerFrameDivisorAllowed:
            return (.bool, .bool(false), "XRPERF_FRAME_DIVISOR",
                "May the controller halve the frame rate (frame divisor 2) as a last resort.")
        case .controllerRefreshRateAllowed:
            return (.bool, .bool(false), "XRPERF_REFRESH_RATE",
                "May the controller lower the display refresh rate under sustained overload (XR_FB_display_refresh_rate).")
        case .controllerMaximumStepUp:
            return (.number(0.001...0.5), .number(0.0099), "XRPERF_MAX_STEP_UP",
                "Largest render scale increase per frame.")
        case .controllerUpHysteresis:
            return (.number(0...0.5), .number(0.01), "XRPERF_UP_HYSTERESIS",
                "The scale rises only while the planned scale exceeds it by this much.")
        case .controllerDownHysteresis:
            return (.number(0...0.5), .number(0.005), "XRPERF_DOWN_HYSTERESIS",
                "The scale falls only once the planned scale is this much below it, or at once after a miss.")
        case .controllerHoldAfterDecrease:
            return (.integer(0...600), .number(1), "XRPERF_HOLD_AFTER_DECREASE",
                "Frames after a decrease before the scale may rise again.")
        case .controllerDiscreteUpgradeHold:
            return (.integer(0...3600), .number(45), "XRPERF_DISCRETE_UPGRADE_HOLD",
                "Decisions in a row a better discrete level must fit before it is used.")
        case .controllerPanicUsefulnessThreshold:
            return (.number(0...1), .number(0.3), "XRPERF_PANIC_THRESHOLD",
                "Panic after a miss only while this share of recent panics proved useful.")
        case .upscaleRenderScale:
            return (.number(0.25...2), .number(1), "XRPERF_RENDER_SCALE",
                "Render scale of the eye buffers, upscaled to the display by xrperf below 1 (XRPERF_UPSCALE=0: off).")
        case .upscaleRenderScaleY:
            return (.number(0...2), .number(0), "XRPERF_RENDER_SCALE_Y",
                "Vertical render scale when it differs from renderScale; 0: the same as renderScale.")
        case .upscaleWidth:
            return (.number(0...16384), .number(0), "XRPERF_RENDER_WIDTH",
                "Eye buffer width in pixels instead of a scale; 0: from renderScale.")
        case .upscaleHeight:
            return (.number(0...16384), .number(0), "XRPERF_RENDER_HEIGHT",
                "Eye buffer height in pixels instead of a scale; 0: from renderScaleY or renderScale.")
        case .upscaleFilter:
            return (.choice(["bilinear", "edge"]), .text("edge"), "XRPERF_UPSCALE_FILTER",
                "bilinear: cheapest; edge: edge-adaptive upscale, a little more GPU time.")
        case .upscaleSharpness:
            return (.number(0...1), .number(0.3), "XRPERF_SHARPNESS",
                "Contrast-adaptive sharpening in the edge filter; 0: none. bilinear never sharpens.")
        case .upscalePass:
            return (.choice(["graphics", "compute"]), .text("graphics"), "XRPERF_UPSCALE_PASS",
                "graphics: draw into the runtime's images (every runtime); compute: storage writes, only where the runtime grants them.")
        case .foveationMode:
            return (.choice(["off", "fixed", "gaze"]), .text("off"), "XRPERF_FOVEATION",
                "Quad views: off, fixed focus area, or focus following eye gaze.")
        case .foveationPeripheralDensity:
            return (.number(0.1...1), .number(0.5), "XRPERF_PERIPHERAL_DENSITY",
                "Pixel density of the peripheral views, relative to the recommended resolution.")
        case .foveationFocusDensity:
            return (.number(0.1...2), .number(1), "XRPERF_FOCUS_DENSITY",
                "Pixel density of the focus views, relative to the recommended resolution.")
        case .foveationFocusSize:
            return (.number(0.1...1), .number(0.4), "XRPERF_FOCUS_SIZE",
                "Focus area as a share of the field of view (each axis).")
        case .foveationFocusOffsetX:
            return (.number(-0.5...0.5), .number(0), "XRPERF_FOCUS_OFFSET_X",
                "Horizontal shift of the fixed focus area, share of the field of view.")
        case .foveationFocusOffsetY:
            return (.number(-0.5...0.5), .number(0), "XRPERF_FOCUS_OFFSET_Y",
                "Vertical shift of the fixed focus area (negative: down).")
        case .foveationEdgeSmoothing:
            return (.number(0...1), .number(0.1), "XRPERF_EDGE_SMOOTHING",
                "Width of the blend between focus and periphery, share of the focus size.")
        case .foveationSharpness:
            return (.number(0...1), .number(0), "XRPERF_FOCUS_SHARPNESS",
                "Contrast-adaptive sharpening of the focus views when composited; 0: none.")
        case .foveationForceEmulation:
            return (.bool, .bool(false), "XRPERF_FORCE_QUAD_EMULATION",
                "Emulate quad views even when the runtime has XR_VARJO_quad_views itself.")
        case .throttleTargetFps:
            return (.number(0...1000), .number(0), "XRPERF_TARGET_FPS",
                "Frame rate cap below the display's; 0: no cap.")
        }
    }
}
