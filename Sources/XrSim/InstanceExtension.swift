import COpenXR

/// The instance extensions XrSim offers.
enum InstanceExtension: String, CaseIterable {
    case vulkanEnable = "XR_KHR_vulkan_enable"
    case vulkanEnable2 = "XR_KHR_vulkan_enable2"
    case convertTimespecTime = "XR_KHR_convert_timespec_time"
    case compositionLayerDepth = "XR_KHR_composition_layer_depth"

    var specVersion: UInt32 {
        switch self {
        case .vulkanEnable: UInt32(XR_KHR_vulkan_enable_SPEC_VERSION)
        case .vulkanEnable2: UInt32(XR_KHR_vulkan_enable2_SPEC_VERSION)
        case .convertTimespecTime: UInt32(XR_KHR_convert_timespec_time_SPEC_VERSION)
        case .compositionLayerDepth: UInt32(XR_KHR_composition_layer_depth_SPEC_VERSION)
        }
    }
}
