import COpenXR

/// The functions of the next layer (or runtime) down the chain that xrperf
/// calls, resolved once per instance. Everything the layer does not intercept
/// is never looked up here: xrGetInstanceProcAddr hands out the next pointer
/// directly.
struct NextDispatch: @unchecked Sendable {
    let getInstanceProcAddr: PFN_xrGetInstanceProcAddr
    let destroyInstance: PFN_xrDestroyInstance?
    let getInstanceProperties: PFN_xrGetInstanceProperties?
    let getSystemProperties: PFN_xrGetSystemProperties?
    let pollEvent: PFN_xrPollEvent?
    let enumerateViewConfigurationViews: PFN_xrEnumerateViewConfigurationViews?
    let createSession: PFN_xrCreateSession?
    let destroySession: PFN_xrDestroySession?
    let locateViews: PFN_xrLocateViews?
    let waitFrame: PFN_xrWaitFrame?
    let beginFrame: PFN_xrBeginFrame?
    let endFrame: PFN_xrEndFrame?
    let createSwapchain: PFN_xrCreateSwapchain?
    let destroySwapchain: PFN_xrDestroySwapchain?
    let enumerateSwapchainImages: PFN_xrEnumerateSwapchainImages?
    let acquireSwapchainImage: PFN_xrAcquireSwapchainImage?
    let waitSwapchainImage: PFN_xrWaitSwapchainImage?
    let releaseSwapchainImage: PFN_xrReleaseSwapchainImage?

    /// Names the next link could not resolve; the layer answers
    /// XR_ERROR_FUNCTION_UNSUPPORTED for those, as the runtime would.
    private(set) var missing: [String] = []

    init(instance: XrInstance?, getInstanceProcAddr gipa: PFN_xrGetInstanceProcAddr) {
        var missing: [String] = []
        func load<Function>(_ name: String, as _: Function.Type) -> Function? {
            var function: PFN_xrVoidFunction?
            let result = name.withCString { gipa(instance, $0, &function) }
            guard xrperf_succeeded(result) != 0, let function else {
                missing.append(name)
                return nil
            }
            return unsafeBitCast(function, to: Function.self)
        }
        getInstanceProcAddr = gipa
        destroyInstance = load("xrDestroyInstance", as: PFN_xrDestroyInstance.self)
        getInstanceProperties = load("xrGetInstanceProperties", as: PFN_xrGetInstanceProperties.self)
        getSystemProperties = load("xrGetSystemProperties", as: PFN_xrGetSystemProperties.self)
        pollEvent = load("xrPollEvent", as: PFN_xrPollEvent.self)
        enumerateViewConfigurationViews = load(
            "xrEnumerateViewConfigurationViews", as: PFN_xrEnumerateViewConfigurationViews.self)
        createSession = load("xrCreateSession", as: PFN_xrCreateSession.self)
        destroySession = load("xrDestroySession", as: PFN_xrDestroySession.self)
        locateViews = load("xrLocateViews", as: PFN_xrLocateViews.self)
        waitFrame = load("xrWaitFrame", as: PFN_xrWaitFrame.self)
        beginFrame = load("xrBeginFrame", as: PFN_xrBeginFrame.self)
        endFrame = load("xrEndFrame", as: PFN_xrEndFrame.self)
        createSwapchain = load("xrCreateSwapchain", as: PFN_xrCreateSwapchain.self)
        destroySwapchain = load("xrDestroySwapchain", as: PFN_xrDestroySwapchain.self)
        enumerateSwapchainImages = load("xrEnumerateSwapchainImages", as: PFN_xrEnumerateSwapchainImages.self)
        acquireSwapchainImage = load("xrAcquireSwapchainImage", as: PFN_xrAcquireSwapchainImage.self)
        waitSwapchainImage = load("xrWaitSwapchainImage", as: PFN_xrWaitSwapchainImage.self)
        releaseSwapchainImage = load("xrReleaseSwapchainImage", as: PFN_xrReleaseSwapchainImage.self)
        self.missing = missing
    }
}
