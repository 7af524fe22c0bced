/// Severity threshold of xrperf's log (`XRPERF_LOG_LEVEL`). The default shows
/// warnings only: a layer inside someone's game should be quiet unless asked.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    case error = 0
    case warn = 1
    case info = 2
    case debug = 3

    public static let `default` = LogLevel.warn

    /// Accepts the names users type (any case, `warning` too) and digits 0-3;
    /// nil for anything else so the caller can say the value was ignored.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "error", "0": self = .error
        case "warn", "warning", "1": self = .warn
        case "info", "2": self = .info
        case "debug", "trace", "3": self = .debug
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .error: "error"
        case .warn: "warn"
        case .info: "info"
        case .debug: "debug"
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
