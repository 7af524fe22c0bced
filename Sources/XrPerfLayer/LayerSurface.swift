import COpenXR
import Glibc

/// The layer's whole surface in one place: every OpenXR function it
/// intercepts. Everything else is forwarded by handing out the next link's
/// pointer. The layer's own extensions (LayerExtensions) are answered here
/// and never go down.
struct Intercept: @unchecked Sendable {
    let name: StaticString
    let function: PFN_xrVoidFunction
    /// The layer extension the function belongs to: it exists only on
    /// instances where the app enabled it.
    var requiredExtension: String?
    /// A runtime extension's function the layer wraps: it exists only where
    /// the next link has it.
    var wrapsNext = false
}

private func erase<Function>(_ function: Function) -> PFN_xrVoidFunction {
    unsafeBitCast(function, to: PFN_xrVoidFunction.self)
}

enum LayerSurface {
    static let intercepts: [Intercept] = [
        Intercept(name: "xrGetInstanceProcAddr", function: erase(layerGetInstanceProcAddr as PFN_xrGetInstanceProcAddr)),
        Intercept(name: "xrDestroyInstance", function: erase(layerDestroyInstance as PFN_xrDestroyInstance)),
        Intercept(name: "xrPollEvent", function: erase(layerPollEvent as PFN_xrPollEvent)),
        Intercept(name: "xrEnumerateViewConfigurationViews",
                  function: erase(layerEnumerateViewConfigurationViews as PFN_xrEnumerateViewConfigurationViews)),
        Intercept(name: "xrCreateSession", function: erase(layerCreateSession as PFN_xrCreateSession)),
        Intercept(name: "xrDestroySession", function: erase(layerDestroySession as PFN_xrDestroySession)),
        Intercept(name: "xrLocateViews", function: erase(layerLocateViews as PFN_xrLocateViews)),
        Intercept(name: "xrWaitFrame", function: erase(layerWaitFrame as PFN_xrWaitFrame)),
        Intercept(name: "xrBeginFrame", function: erase(layerBeginFrame as PFN_xrBeginFrame)),
        Intercept(name: "xrEndFrame", function: erase(layerEndFrame as PFN_xrEndFrame)),
        Intercept(name: "xrCreateSwapchain", function: erase(layerCreateSwapchain as PFN_xrCreateSwapchain)),
        Intercept(name: "xrDestroySwapchain", function: erase(layerDestroySwapchain as PFN_xrDestroySwapchain)),
        Intercept(name: "xrEnumerateSwapchainImages",
                  function: erase(layerEnumerateSwapchainImages as PFN_xrEnumerateSwapchainImages)),
        Intercept(name: "xrAcquireSwapchainImage",
                  function: erase(layerAcquireSwapchainImage as PFN_xrAcquireSwapchainImage)),
        Intercept(name: "xrWaitSwapchainImage", function: erase(layerWaitSwapchainImage as PFN_xrWaitSwapchainImage)),
        Intercept(name: "xrReleaseSwapchainImage",
                  function: erase(layerReleaseSwapchainImage as PFN_xrReleaseSwapchainImage)),
        // Quad-view emulation and the layer's eye-gaze action (Foveation/).
        Intercept(name: "xrGetSystemProperties", function: erase(layerGetSystemProperties as PFN_xrGetSystemProperties)),
        Intercept(name: "xrEnumerateViewConfigurations",
                  function: erase(layerEnumerateViewConfigurations as PFN_xrEnumerateViewConfigurations)),
        Intercept(name: "xrGetViewConfigurationProperties",
                  function: erase(layerGetViewConfigurationProperties as PFN_xrGetViewConfigurationProperties)),
        Intercept(name: "xrEnumerateEnvironmentBlendModes",
                  function: erase(layerEnumerateEnvironmentBlendModes as PFN_xrEnumerateEnvironmentBlendModes)),
        Intercept(name: "xrBeginSession", function: erase(layerBeginSession as PFN_xrBeginSession)),
        Intercept(name: "xrSuggestInteractionProfileBindings",
                  function: erase(layerSuggestInteractionProfileBindings as PFN_xrSuggestInteractionProfileBindings)),
        Intercept(name: "xrAttachSessionActionSets",
                  function: erase(layerAttachSessionActionSets as PFN_xrAttachSessionActionSets)),
        Intercept(name: "xrSyncActions", function: erase(layerSyncActions as PFN_xrSyncActions)),
        // Puts xrperf's Vulkan layer on the app's VkInstance (VulkanLayer/).
        Intercept(name: "xrCreateVulkanInstanceKHR",
                  function: erase(layerCreateVulkanInstanceKHR as PFN_xrCreateVulkanInstanceKHR), wrapsNext: true),
        Intercept(name: "xrGetRecommendedLayerResolutionMETA",
                  function: erase(layerGetRecommendedLayerResolutionMETA as PFN_xrGetRecommendedLayerResolutionMETA),
                  requiredExtension: LayerExtensions.recommendedLayerResolution),
        Intercept(name: "xrPerfSettingsSetPerformanceLevelEXT",
                  function: erase(layerPerfSettingsSetPerformanceLevelEXT as PFN_xrPerfSettingsSetPerformanceLevelEXT),
                  requiredExtension: LayerExtensions.performanceSettings),
    ]

    /// strcmp over a short static table: no String is built from the name.
    static func intercept(named name: UnsafePointer<CChar>) -> Intercept? {
        for entry in intercepts {
            let matches = entry.name.withUTF8Buffer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { strncmp($0.baseAddress!, name, $0.count) == 0 }
                    && name[buffer.count] == 0
            }
            if matches { return entry }
        }
        return nil
    }
}
