import COpenXR
import XrSimCore

/// The instance extensions XrSim knows.
enum InstanceExtension: String, CaseIterable {
    case vulkanEnable = "XR_KHR_vulkan_enable"
    case vulkanEnable2 = "XR_KHR_vulkan_enable2"
    case convertTimespecTime = "XR_KHR_convert_timespec_time"
    case compositionLayerDepth = "XR_KHR_composition_layer_depth"
    case compositionLayerCylinder = "XR_KHR_composition_layer_cylinder"
    case compositionLayerEquirect = "XR_KHR_composition_layer_equirect"
    case compositionLayerEquirect2 = "XR_KHR_composition_layer_equirect2"
    case displayRefreshRate = "XR_FB_display_refresh_rate"
    case performanceSettings = "XR_EXT_performance_settings"
    case eyeGazeInteraction = "XR_EXT_eye_gaze_interaction"
    case quadViews = "XR_VARJO_quad_views"

    var specVersion: UInt32 {
        switch self {
        case .vulkanEnable: UInt32(XR_KHR_vulkan_enable_SPEC_VERSION)
        case .vulkanEnable2: UInt32(XR_KHR_vulkan_enable2_SPEC_VERSION)
        case .convertTimespecTime: UInt32(XR_KHR_convert_timespec_time_SPEC_VERSION)
        case .compositionLayerDepth: UInt32(XR_KHR_composition_layer_depth_SPEC_VERSION)
        case .compositionLayerCylinder: UInt32(XR_KHR_composition_layer_cylinder_SPEC_VERSION)
        case .compositionLayerEquirect: UInt32(XR_KHR_composition_layer_equirect_SPEC_VERSION)
        case .compositionLayerEquirect2: UInt32(XR_KHR_composition_layer_equirect2_SPEC_VERSION)
        case .displayRefreshRate: UInt32(XR_FB_display_refresh_rate_SPEC_VERSION)
        case .performanceSettings: UInt32(XR_EXT_performance_settings_SPEC_VERSION)
        case .eyeGazeInteraction: UInt32(XR_EXT_eye_gaze_interaction_SPEC_VERSION)
        case .quadViews: UInt32(XR_VARJO_quad_views_SPEC_VERSION)
        }
    }

    /// What xrEnumerateInstanceExtensionProperties lists and xrCreateInstance
    /// accepts: the fixed set plus what XRSIM_EXTENSIONS turned on.
    static func offered(_ config: XrSimConfig) -> [InstanceExtension] {
        allCases.filter { ext in
            guard let optional = OptionalExtension(rawValue: ext.rawValue) else { return true }
            return config.optionalExtensions.contains(optional)
        }
    }
}
