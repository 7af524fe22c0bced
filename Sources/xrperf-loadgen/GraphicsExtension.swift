import ArgumentParser
import COpenXR

/// Which OpenXR Vulkan extension makes the Vulkan instance and device.
enum GraphicsExtension: String, CaseIterable, ExpressibleByArgument {
    /// XR_KHR_vulkan_enable2: the runtime creates the Vulkan objects from the app's create infos.
    case vulkan2
    /// XR_KHR_vulkan_enable: the app creates them with the extensions the runtime lists.
    case vulkan

    var extensionName: String {
        switch self {
        case .vulkan2: XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME
        case .vulkan: XR_KHR_VULKAN_ENABLE_EXTENSION_NAME
        }
    }
}
