/// Extensions XrSim offers only when XRSIM_EXTENSIONS names them, so that a
/// plain run looks like a runtime without them and per-platform logic can be
/// tested both ways.
public enum OptionalExtension: String, CaseIterable, Sendable {
    case displayRefreshRate = "XR_FB_display_refresh_rate"
    case performanceSettings = "XR_EXT_performance_settings"
    case eyeGazeInteraction = "XR_EXT_eye_gaze_interaction"
    case quadViews = "XR_VARJO_quad_views"

    /// Parses XRSIM_EXTENSIONS ("a, b"; empty entries skipped). Names XrSim
    /// cannot offer come back separately so the caller can warn and go on.
    public static func parseList(_ text: String) -> (extensions: Set<OptionalExtension>, unknown: [String]) {
        var extensions: Set<OptionalExtension> = []
        var unknown: [String] = []
        for entry in text.split(separator: ",") {
            for word in entry.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if let ext = OptionalExtension(rawValue: String(word)) { extensions.insert(ext) } else { unknown.append(String(word)) }
            }
        }
        return (extensions, unknown)
    }
}
