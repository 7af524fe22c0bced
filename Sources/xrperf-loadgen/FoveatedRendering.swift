import COpenXR

/// XR_VARJO_foveated_rendering as an app uses it (--foveated): ask the system
/// whether it can foveate (XrSystemFoveatedRenderingPropertiesVARJO), and
/// only then ask for foveated view sizes and, every frame, foveated fields of
/// view, so that the focus views follow the eyes. The spec asks apps to
/// avoid the extension's functionality when the system says it cannot.
enum FoveatedRendering {
    static let extensionName = XR_VARJO_FOVEATED_RENDERING_EXTENSION_NAME

    /// What the summary reports.
    enum State: String {
        /// --foveated not given.
        case off
        /// Asked for in view sizes and every xrLocateViews.
        case active
        /// --foveated given, but supportsFoveatedRendering is XR_FALSE: the
        /// session runs plain quad views.
        case unsupported
    }

    static func isSupported(_ connection: XrConnection) throws(LoadgenError) -> Bool {
        var foveation = XrSystemFoveatedRenderingPropertiesVARJO()
        foveation.type = XR_TYPE_SYSTEM_FOVEATED_RENDERING_PROPERTIES_VARJO
        let result = withUnsafeMutablePointer(to: &foveation) { foveation in
            var properties = XrSystemProperties()
            properties.type = XR_TYPE_SYSTEM_PROPERTIES
            properties.next = UnsafeMutableRawPointer(foveation)
            return xrGetSystemProperties(connection.instance, connection.system, &properties)
        }
        try connection.check(result, "xrGetSystemProperties")
        return foveation.supportsFoveatedRendering != 0
    }
}
