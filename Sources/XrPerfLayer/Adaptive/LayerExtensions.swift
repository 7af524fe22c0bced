import COpenXR
import Glibc

/// The instance extensions the layer itself implements (listed in its
/// manifest). The loader lets the app enable them because the layer says it
/// has them; the runtime below may not, so they are taken out of the create
/// info before it goes down, and the layer answers their functions.
enum LayerExtensions {
    static let recommendedLayerResolution = XR_META_RECOMMENDED_LAYER_RESOLUTION_EXTENSION_NAME
    /// Passed down when the runtime has it (the layer then adds its own
    /// notifications); answered by the layer when it does not.
    static let performanceSettings = XR_EXT_PERFORMANCE_SETTINGS_EXTENSION_NAME

    /// Passed down when the runtime has them (and the profile does not force
    /// emulation); emulated by the layer when it does not (docs/foveation.md).
    static let quadViews = XR_VARJO_QUAD_VIEWS_EXTENSION_NAME
    static let foveatedRendering = XR_VARJO_FOVEATED_RENDERING_EXTENSION_NAME

    static let all = [recommendedLayerResolution, performanceSettings, quadViews, foveatedRendering]

    /// The app's enabled extensions, and a create info for the chain below
    /// with the layer's own removed. `body` runs with it; the copies live
    /// only for that call.
    /// `keep`: layer extensions to leave in the list going down.
    static func withoutLayerExtensions<Result>(
        _ info: UnsafePointer<XrInstanceCreateInfo>?, keep: Set<String> = [],
        _ body: (UnsafePointer<XrInstanceCreateInfo>?, _ enabledByApp: Set<String>) -> Result
    ) -> Result {
        guard let info, info.pointee.enabledExtensionCount > 0, let names = info.pointee.enabledExtensionNames else {
            return body(info, [])
        }
        var kept: [UnsafePointer<CChar>?] = []
        var enabled: Set<String> = []
        for index in 0..<Int(info.pointee.enabledExtensionCount) {
            guard let name = names[index] else {
                kept.append(nil)  // the runtime reports the null name
                continue
            }
            let text = String(cString: name)
            if all.contains(text) { enabled.insert(text) }
            if !all.contains(text) || keep.contains(text) { kept.append(name) }
        }
        guard !enabled.subtracting(keep).isEmpty else { return body(info, enabled) }
        var down = info.pointee
        return kept.withUnsafeBufferPointer { buffer in
            down.enabledExtensionCount = UInt32(buffer.count)
            down.enabledExtensionNames = buffer.count > 0 ? buffer.baseAddress : nil
            return withUnsafePointer(to: &down) { body($0, enabled) }
        }
    }

    /// XR_FB_display_refresh_rate, which the layer may enable on the runtime
    /// by itself to use the refresh rate as a knob.
    static let displayRefreshRate = XR_FB_DISPLAY_REFRESH_RATE_EXTENSION_NAME
    /// XR_EXT_eye_gaze_interaction, which the layer may enable by itself to
    /// move the focus views with the eyes.
    static let eyeGaze = XR_EXT_EYE_GAZE_INTERACTION_EXTENSION_NAME
    /// Either Vulkan graphics binding: quad views are composited in Vulkan.
    static let vulkan = ["XR_KHR_vulkan_enable", "XR_KHR_vulkan_enable2"]

    /// Whether the app's create info enables `name`.
    static func enables(_ info: UnsafePointer<XrInstanceCreateInfo>?, _ name: String) -> Bool {
        guard let info, let names = info.pointee.enabledExtensionNames else { return false }
        return (0..<Int(info.pointee.enabledExtensionCount)).contains { names[$0].map { String(cString: $0) == name } ?? false }
    }

    /// `body` with a copy of the create info that also enables `names`
    /// (the create info itself when there are none).
    static func withExtensions<Result>(
        _ names: [String], to info: UnsafePointer<XrInstanceCreateInfo>?,
        _ body: (UnsafePointer<XrInstanceCreateInfo>?) -> Result
    ) -> Result {
        guard !names.isEmpty, let info else { return body(info) }
        // C copies of the names, alive for the call.
        let copies = names.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var all: [UnsafePointer<CChar>?] = (0..<Int(info.pointee.enabledExtensionCount)).map {
            info.pointee.enabledExtensionNames?[$0]
        }
        all += copies.map { UnsafePointer($0) }
        var down = info.pointee
        return all.withUnsafeBufferPointer { buffer in
            down.enabledExtensionCount = UInt32(buffer.count)
            down.enabledExtensionNames = buffer.baseAddress
            return withUnsafePointer(to: &down) { body($0) }
        }
    }
}
