import COpenXR
import XrSimCore

/// XR_EXT_performance_settings. XrSim records the level and never sends
/// XrEventDataPerfSettingsEXT: a simulated device has no thermals to report.
func xrsimPerfSettingsSetPerformanceLevelEXT(_ session: XrSession?, _ domain: XrPerfSettingsDomainEXT,
                                             _ level: XrPerfSettingsLevelEXT) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.session(session)
            // A pointer from another instance must not work on this one's session.
            guard registry.instanceOf(session: object)?.extensions.contains(.performanceSettings) == true else {
                throw .functionUnsupported
            }
            do throws(XrSimError) {
                let (domain, level) = try object.performance.set(domain: Int32(bitPattern: domain.rawValue),
                                                                  level: Int32(bitPattern: level.rawValue))
                Log.info("performance level \(domain) -> \(level)")
            } catch {
                Log.warn("xrPerfSettingsSetPerformanceLevelEXT: domain \(domain.rawValue) or level \(level.rawValue) is not valid")
                throw error
            }
            return XR_SUCCESS
        }
    }
}
