import COpenXR

/// One XR_EXT_performance_settings notification as the summary prints it:
/// domain:from->to, e.g. gpu:normal->warning.
struct PerformanceNotification: CustomStringConvertible {
    let domain: String
    let from: String
    let to: String

    init(_ event: XrEventDataPerfSettingsEXT) {
        domain = event.domain == XR_PERF_SETTINGS_DOMAIN_CPU_EXT ? "cpu" : (event.domain == XR_PERF_SETTINGS_DOMAIN_GPU_EXT ? "gpu" : "domain\(event.domain.rawValue)")
        from = Self.name(event.fromLevel)
        to = Self.name(event.toLevel)
    }

    static func name(_ level: XrPerfSettingsNotificationLevelEXT) -> String {
        switch level {
        case XR_PERF_SETTINGS_NOTIF_LEVEL_NORMAL_EXT: "normal"
        case XR_PERF_SETTINGS_NOTIF_LEVEL_WARNING_EXT: "warning"
        case XR_PERF_SETTINGS_NOTIF_LEVEL_IMPAIRED_EXT: "impaired"
        default: "level\(level.rawValue)"
        }
    }

    var description: String { "\(domain):\(from)->\(to)" }
}
