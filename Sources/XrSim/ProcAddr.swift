import COpenXR
import XrSimCore

private func erase<F>(_ function: F) -> PFN_xrVoidFunction {
    unsafeBitCast(function, to: PFN_xrVoidFunction.self)
}

/// Every function XrSim implements, with the extension that must be enabled
/// on the instance for it to be handed out. The `as PFN_...` coercions make
/// the compiler check each implementation against the header's prototype.
private func lookup(_ name: String) -> (function: PFN_xrVoidFunction, requires: InstanceExtension?)? {
    switch name {
    // Instance and system
    case "xrGetInstanceProcAddr": (erase(xrsimGetInstanceProcAddr as PFN_xrGetInstanceProcAddr), nil)
    case "xrEnumerateApiLayerProperties": (erase(xrsimEnumerateApiLayerProperties as PFN_xrEnumerateApiLayerProperties), nil)
    case "xrEnumerateInstanceExtensionProperties": (erase(xrsimEnumerateInstanceExtensionProperties as PFN_xrEnumerateInstanceExtensionProperties), nil)
    case "xrCreateInstance": (erase(xrsimCreateInstance as PFN_xrCreateInstance), nil)
    case "xrDestroyInstance": (erase(xrsimDestroyInstance as PFN_xrDestroyInstance), nil)
    case "xrGetInstanceProperties": (erase(xrsimGetInstanceProperties as PFN_xrGetInstanceProperties), nil)
    case "xrPollEvent": (erase(xrsimPollEvent as PFN_xrPollEvent), nil)
    case "xrResultToString": (erase(xrsimResultToString as PFN_xrResultToString), nil)
    case "xrStructureTypeToString": (erase(xrsimStructureTypeToString as PFN_xrStructureTypeToString), nil)
    case "xrGetSystem": (erase(xrsimGetSystem as PFN_xrGetSystem), nil)
    case "xrGetSystemProperties": (erase(xrsimGetSystemProperties as PFN_xrGetSystemProperties), nil)
    case "xrEnumerateEnvironmentBlendModes": (erase(xrsimEnumerateEnvironmentBlendModes as PFN_xrEnumerateEnvironmentBlendModes), nil)
    case "xrEnumerateViewConfigurations": (erase(xrsimEnumerateViewConfigurations as PFN_xrEnumerateViewConfigurations), nil)
    case "xrGetViewConfigurationProperties": (erase(xrsimGetViewConfigurationProperties as PFN_xrGetViewConfigurationProperties), nil)
    case "xrEnumerateViewConfigurationViews": (erase(xrsimEnumerateViewConfigurationViews as PFN_xrEnumerateViewConfigurationViews), nil)
    case "xrStringToPath": (erase(xrsimStringToPath as PFN_xrStringToPath), nil)
    case "xrPathToString": (erase(xrsimPathToString as PFN_xrPathToString), nil)
    // Session and frame loop
    case "xrCreateSession": (erase(xrsimCreateSession as PFN_xrCreateSession), nil)
    case "xrDestroySession": (erase(xrsimDestroySession as PFN_xrDestroySession), nil)
    case "xrBeginSession": (erase(xrsimBeginSession as PFN_xrBeginSession), nil)
    case "xrEndSession": (erase(xrsimEndSession as PFN_xrEndSession), nil)
    case "xrRequestExitSession": (erase(xrsimRequestExitSession as PFN_xrRequestExitSession), nil)
    case "xrWaitFrame": (erase(xrsimWaitFrame as PFN_xrWaitFrame), nil)
    case "xrBeginFrame": (erase(xrsimBeginFrame as PFN_xrBeginFrame), nil)
    case "xrEndFrame": (erase(xrsimEndFrame as PFN_xrEndFrame), nil)
    // Spaces and views
    case "xrEnumerateReferenceSpaces": (erase(xrsimEnumerateReferenceSpaces as PFN_xrEnumerateReferenceSpaces), nil)
    case "xrCreateReferenceSpace": (erase(xrsimCreateReferenceSpace as PFN_xrCreateReferenceSpace), nil)
    case "xrGetReferenceSpaceBoundsRect": (erase(xrsimGetReferenceSpaceBoundsRect as PFN_xrGetReferenceSpaceBoundsRect), nil)
    case "xrCreateActionSpace": (erase(xrsimCreateActionSpace as PFN_xrCreateActionSpace), nil)
    case "xrLocateSpace": (erase(xrsimLocateSpace as PFN_xrLocateSpace), nil)
    case "xrDestroySpace": (erase(xrsimDestroySpace as PFN_xrDestroySpace), nil)
    case "xrLocateViews": (erase(xrsimLocateViews as PFN_xrLocateViews), nil)
    // Swapchains
    case "xrEnumerateSwapchainFormats": (erase(xrsimEnumerateSwapchainFormats as PFN_xrEnumerateSwapchainFormats), nil)
    case "xrCreateSwapchain": (erase(xrsimCreateSwapchain as PFN_xrCreateSwapchain), nil)
    case "xrDestroySwapchain": (erase(xrsimDestroySwapchain as PFN_xrDestroySwapchain), nil)
    case "xrEnumerateSwapchainImages": (erase(xrsimEnumerateSwapchainImages as PFN_xrEnumerateSwapchainImages), nil)
    case "xrAcquireSwapchainImage": (erase(xrsimAcquireSwapchainImage as PFN_xrAcquireSwapchainImage), nil)
    case "xrWaitSwapchainImage": (erase(xrsimWaitSwapchainImage as PFN_xrWaitSwapchainImage), nil)
    case "xrReleaseSwapchainImage": (erase(xrsimReleaseSwapchainImage as PFN_xrReleaseSwapchainImage), nil)
    // Actions
    case "xrCreateActionSet": (erase(xrsimCreateActionSet as PFN_xrCreateActionSet), nil)
    case "xrDestroyActionSet": (erase(xrsimDestroyActionSet as PFN_xrDestroyActionSet), nil)
    case "xrCreateAction": (erase(xrsimCreateAction as PFN_xrCreateAction), nil)
    case "xrDestroyAction": (erase(xrsimDestroyAction as PFN_xrDestroyAction), nil)
    case "xrSuggestInteractionProfileBindings": (erase(xrsimSuggestInteractionProfileBindings as PFN_xrSuggestInteractionProfileBindings), nil)
    case "xrAttachSessionActionSets": (erase(xrsimAttachSessionActionSets as PFN_xrAttachSessionActionSets), nil)
    case "xrGetCurrentInteractionProfile": (erase(xrsimGetCurrentInteractionProfile as PFN_xrGetCurrentInteractionProfile), nil)
    case "xrSyncActions": (erase(xrsimSyncActions as PFN_xrSyncActions), nil)
    case "xrGetActionStateBoolean": (erase(xrsimGetActionStateBoolean as PFN_xrGetActionStateBoolean), nil)
    case "xrGetActionStateFloat": (erase(xrsimGetActionStateFloat as PFN_xrGetActionStateFloat), nil)
    case "xrGetActionStateVector2f": (erase(xrsimGetActionStateVector2f as PFN_xrGetActionStateVector2f), nil)
    case "xrGetActionStatePose": (erase(xrsimGetActionStatePose as PFN_xrGetActionStatePose), nil)
    case "xrEnumerateBoundSourcesForAction": (erase(xrsimEnumerateBoundSourcesForAction as PFN_xrEnumerateBoundSourcesForAction), nil)
    case "xrGetInputSourceLocalizedName": (erase(xrsimGetInputSourceLocalizedName as PFN_xrGetInputSourceLocalizedName), nil)
    case "xrApplyHapticFeedback": (erase(xrsimApplyHapticFeedback as PFN_xrApplyHapticFeedback), nil)
    case "xrStopHapticFeedback": (erase(xrsimStopHapticFeedback as PFN_xrStopHapticFeedback), nil)
    // XR_KHR_vulkan_enable
    case "xrGetVulkanGraphicsRequirementsKHR": (erase(xrsimGetVulkanGraphicsRequirementsKHR as PFN_xrGetVulkanGraphicsRequirementsKHR), .vulkanEnable)
    case "xrGetVulkanInstanceExtensionsKHR": (erase(xrsimGetVulkanInstanceExtensionsKHR as PFN_xrGetVulkanInstanceExtensionsKHR), .vulkanEnable)
    case "xrGetVulkanDeviceExtensionsKHR": (erase(xrsimGetVulkanDeviceExtensionsKHR as PFN_xrGetVulkanDeviceExtensionsKHR), .vulkanEnable)
    case "xrGetVulkanGraphicsDeviceKHR": (erase(xrsimGetVulkanGraphicsDeviceKHR as PFN_xrGetVulkanGraphicsDeviceKHR), .vulkanEnable)
    // XR_KHR_vulkan_enable2
    case "xrGetVulkanGraphicsRequirements2KHR": (erase(xrsimGetVulkanGraphicsRequirements2KHR as PFN_xrGetVulkanGraphicsRequirements2KHR), .vulkanEnable2)
    case "xrCreateVulkanInstanceKHR": (erase(xrsimCreateVulkanInstanceKHR as PFN_xrCreateVulkanInstanceKHR), .vulkanEnable2)
    case "xrCreateVulkanDeviceKHR": (erase(xrsimCreateVulkanDeviceKHR as PFN_xrCreateVulkanDeviceKHR), .vulkanEnable2)
    case "xrGetVulkanGraphicsDevice2KHR": (erase(xrsimGetVulkanGraphicsDevice2KHR as PFN_xrGetVulkanGraphicsDevice2KHR), .vulkanEnable2)
    // XR_KHR_convert_timespec_time
    case "xrConvertTimespecTimeToTimeKHR": (erase(xrsimConvertTimespecTimeToTimeKHR as PFN_xrConvertTimespecTimeToTimeKHR), .convertTimespecTime)
    case "xrConvertTimeToTimespecTimeKHR": (erase(xrsimConvertTimeToTimespecTimeKHR as PFN_xrConvertTimeToTimespecTimeKHR), .convertTimespecTime)
    // XR_FB_display_refresh_rate
    case "xrEnumerateDisplayRefreshRatesFB": (erase(xrsimEnumerateDisplayRefreshRatesFB as PFN_xrEnumerateDisplayRefreshRatesFB), .displayRefreshRate)
    case "xrGetDisplayRefreshRateFB": (erase(xrsimGetDisplayRefreshRateFB as PFN_xrGetDisplayRefreshRateFB), .displayRefreshRate)
    case "xrRequestDisplayRefreshRateFB": (erase(xrsimRequestDisplayRefreshRateFB as PFN_xrRequestDisplayRefreshRateFB), .displayRefreshRate)
    // XR_EXT_performance_settings
    case "xrPerfSettingsSetPerformanceLevelEXT": (erase(xrsimPerfSettingsSetPerformanceLevelEXT as PFN_xrPerfSettingsSetPerformanceLevelEXT), .performanceSettings)
    default: nil
    }
}

/// The functions the spec allows to be queried with XR_NULL_HANDLE (spec 3.2).
private let instancelessFunctions: Set<String> = [
    "xrEnumerateInstanceExtensionProperties", "xrEnumerateApiLayerProperties", "xrCreateInstance",
]

func xrsimGetInstanceProcAddr(_ instance: XrInstance?, _ name: UnsafePointer<CChar>?,
                              _ function: UnsafeMutablePointer<PFN_xrVoidFunction?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let function = try required(function)
        function.pointee = nil
        let name = try required(cString(name))
        if instance == nil {
            guard instancelessFunctions.contains(name), let entry = lookup(name) else {
                // Spec: other names with a null instance are a handle error, unknown ones unsupported.
                throw lookup(name) == nil ? .functionUnsupported : .handleInvalid
            }
            function.pointee = entry.function
            return XR_SUCCESS
        }
        let enabled = try locked { registry throws(XrSimError) in try registry.instance(instance).extensions }
        guard let entry = lookup(name) else { throw .functionUnsupported }
        if let needed = entry.requires, !enabled.contains(needed) { throw .functionUnsupported }
        function.pointee = entry.function
        return XR_SUCCESS
    }
}
