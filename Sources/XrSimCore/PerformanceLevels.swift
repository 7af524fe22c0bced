/// XrPerfSettingsDomainEXT values (XR_EXT_performance_settings).
public enum PerformanceDomain: Int32, Sendable, CustomStringConvertible {
    case cpu = 1
    case gpu = 2

    public var description: String { self == .cpu ? "CPU" : "GPU" }
}

/// XrPerfSettingsLevelEXT values.
public enum PerformanceLevel: Int32, Sendable, CustomStringConvertible {
    case powerSavings = 0
    case sustainedLow = 25
    case sustainedHigh = 50
    case boost = 75

    public var description: String {
        switch self {
        case .powerSavings: "POWER_SAVINGS"
        case .sustainedLow: "SUSTAINED_LOW"
        case .sustainedHigh: "SUSTAINED_HIGH"
        case .boost: "BOOST"
        }
    }
}

/// The levels an app asked for per domain. A simulated device has no clocks
/// to change; the levels are kept so logs and tests can see what was asked.
public struct PerformanceLevels: Equatable, Sendable {
    public private(set) var cpu: PerformanceLevel? = nil
    public private(set) var gpu: PerformanceLevel? = nil

    public init() {}

    /// xrPerfSettingsSetPerformanceLevelEXT with the raw enum values: anything
    /// outside the enums is a validation failure, as the spec's implicit valid
    /// usage requires.
    public mutating func set(domain rawDomain: Int32, level rawLevel: Int32) throws(XrSimError) -> (PerformanceDomain, PerformanceLevel) {
        guard let domain = PerformanceDomain(rawValue: rawDomain), let level = PerformanceLevel(rawValue: rawLevel) else {
            throw .validationFailure
        }
        switch domain {
        case .cpu: cpu = level
        case .gpu: gpu = level
        }
        return (domain, level)
    }
}
