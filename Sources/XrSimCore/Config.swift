/// Per-eye image size.
public struct Resolution: Equatable, Sendable {
    public let width: UInt32
    public let height: UInt32

    public init(width: UInt32, height: UInt32) {
        self.width = width
        self.height = height
    }

    /// Parses "WxH"; each side 1...8192 so that twice it stays a legal image size.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = UInt32(parts[0]), let h = UInt32(parts[1]),
            (1...Resolution.maxSide).contains(w), (1...Resolution.maxSide).contains(h)
        else { return nil }
        self.init(width: w, height: h)
    }

    public static let maxSide: UInt32 = 8192
}

/// Everything XrSim reads from the environment, read once per instance.
public struct XrSimConfig: Equatable, Sendable {
    public var runtimeName = "XrSim"
    public var systemName = "XrSim Headset"
    public var resolution = Resolution(width: 1440, height: 1584)
    /// The rate a session starts at and the one XR_FB_display_refresh_rate's
    /// "no preference" (0) returns to; always one of `refreshRates`.
    public var refreshHz = 90.0
    /// Ascending rates XR_FB_display_refresh_rate enumerates.
    public var refreshRates = [90.0]
    /// XRSIM_EXTENSIONS: offered on top of the extensions XrSim always has.
    public var optionalExtensions: Set<OptionalExtension> = []
    /// Submitted frames after which the session is stopped; 0 = never.
    public var frameLimit: UInt64 = 0
    public var clock = ClockMode.realtime
    public var logLevel = LogLevel.warn
    public var statsFile: String? = nil
    /// Set by XRSIM_DUMP_DIR: submitted views are written to files.
    public var dump: DumpSettings? = nil
    /// XRSIM_GAZE: where XR_EXT_eye_gaze_interaction's simulated eyes look.
    public var gaze = GazeScript.straightAhead
    /// XRSIM_ALLOW_SRGB_STORAGE=1: accept UNORDERED_ACCESS on sRGB swapchains,
    /// which XrSim refuses by default as Monado does (SwapchainUsageRule).
    public var allowSRGBStorage = false
    /// Values XrSim cannot run with: xrCreateInstance logs each and fails.
    /// Only for variables where a silent default would make a test pass for
    /// the wrong reason (a gaze script that quietly became "straight ahead").
    public var errors: [String] = []

    public init() {}

    /// Builds the configuration from environment variables. Bad values fall
    /// back to the default and are reported in `warnings` rather than failing
    /// instance creation, so a typo never takes a host application down.
    public static func parse(_ env: [String: String]) -> (config: XrSimConfig, warnings: [String]) {
        var config = XrSimConfig()
        var warnings: [String] = []
        func reject(_ key: String, _ value: String) {
            warnings.append("ignoring \(key)=\(value): invalid value")
        }
        if let v = env["XRSIM_RUNTIME_NAME"], !v.isEmpty { config.runtimeName = v }
        if let v = env["XRSIM_SYSTEM_NAME"], !v.isEmpty { config.systemName = v }
        if let v = env["XRSIM_RESOLUTION"], !v.isEmpty {
            if let r = Resolution(parsing: v) { config.resolution = r } else { reject("XRSIM_RESOLUTION", v) }
        }
        var refreshHzGiven = false
        if let v = env["XRSIM_REFRESH_HZ"], !v.isEmpty {
            if let hz = parseRefreshRate(v) {
                config.refreshHz = hz
                refreshHzGiven = true
            } else { reject("XRSIM_REFRESH_HZ", v) }
        }
        config.refreshRates = [config.refreshHz]
        if let v = env["XRSIM_REFRESH_RATES"], !v.isEmpty {
            if let rates = parseRefreshRates(v) {
                // Without XRSIM_REFRESH_HZ the list's first rate is the default,
                // so one variable describes a whole display ("72,90,120").
                if !refreshHzGiven { config.refreshHz = rates[0] }
                if let listed = rates.first(where: { abs($0 - config.refreshHz) < DisplayRefreshRate.matchTolerance }) {
                    // The current rate must read back as one of the enumerated values.
                    config.refreshHz = listed
                    config.refreshRates = rates.sorted()
                } else {
                    warnings.append("XRSIM_REFRESH_RATES=\(v) lacks XRSIM_REFRESH_HZ=\(config.refreshHz): added")
                    config.refreshRates = (rates + [config.refreshHz]).sorted()
                }
            } else { reject("XRSIM_REFRESH_RATES", v) }
        }
        if let v = env["XRSIM_FRAMES"], !v.isEmpty {
            if let n = UInt64(v) { config.frameLimit = n } else { reject("XRSIM_FRAMES", v) }
        }
        if let v = env["XRSIM_CLOCK"], !v.isEmpty {
            if let c = ClockMode(rawValue: v.lowercased()) { config.clock = c } else { reject("XRSIM_CLOCK", v) }
        }
        if let v = env["XRSIM_LOG_LEVEL"], !v.isEmpty {
            if let l = LogLevel(name: v) { config.logLevel = l } else { reject("XRSIM_LOG_LEVEL", v) }
        }
        if let v = env["XRSIM_EXTENSIONS"], !v.isEmpty {
            let (extensions, unknown) = OptionalExtension.parseList(v)
            config.optionalExtensions = extensions
            for name in unknown {
                warnings.append("ignoring \(name) in XRSIM_EXTENSIONS: not an optional extension XrSim offers")
            }
        }
        if let v = env["XRSIM_GAZE"], !v.isEmpty {
            do throws(GazeScriptError) {
                config.gaze = try GazeScript.parse(v)
            } catch {
                config.errors.append("XRSIM_GAZE=\(v): \(error.message)")
            }
        }
        if let v = env["XRSIM_STATS_FILE"], !v.isEmpty { config.statsFile = v }
        if let v = env["XRSIM_ALLOW_SRGB_STORAGE"], !v.isEmpty {
            switch v {
            case "1": config.allowSRGBStorage = true
            case "0": config.allowSRGBStorage = false
            default: reject("XRSIM_ALLOW_SRGB_STORAGE", v)
            }
        }
        if let directory = env["XRSIM_DUMP_DIR"], !directory.isEmpty {
            var dump = DumpSettings(directory: directory)
            if let v = env["XRSIM_DUMP_FRAMES"], !v.isEmpty {
                if let frames = DumpSettings.parseFrames(v) { dump.frames = frames } else { reject("XRSIM_DUMP_FRAMES", v) }
            }
            config.dump = dump
        }
        return (config, warnings)
    }

    static func parseRefreshRate(_ text: String) -> Double? {
        guard let hz = Double(text), hz.isFinite, hz >= 1, hz <= 1000 else { return nil }
        return hz
    }

    /// "90,72, 60" in the order given; nil for an empty entry, a bad rate or
    /// two rates a request could not tell apart.
    static func parseRefreshRates(_ text: String) -> [Double]? {
        var rates: [Double] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 1, let hz = parseRefreshRate(String(words[0])),
                !rates.contains(where: { abs($0 - hz) < DisplayRefreshRate.matchTolerance })
            else { return nil }
            rates.append(hz)
        }
        return rates.isEmpty ? nil : rates
    }
}
