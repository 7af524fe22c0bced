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
    // Quad-view emulation and eye gaze (Foveation/).
    let enumerateViewConfigurations: PFN_xrEnumerateViewConfigurations?
    let getViewConfigurationProperties: PFN_xrGetViewConfigurationProperties?
    let enumerateEnvironmentBlendModes: PFN_xrEnumerateEnvironmentBlendModes?
    let beginSession: PFN_xrBeginSession?
    let stringToPath: PFN_xrStringToPath?
    let createActionSet: PFN_xrCreateActionSet?
    let createAction: PFN_xrCreateAction?
    let suggestInteractionProfileBindings: PFN_xrSuggestInteractionProfileBindings?
    let attachSessionActionSets: PFN_xrAttachSessionActionSets?
    let syncActions: PFN_xrSyncActions?
    let createActionSpace: PFN_xrCreateActionSpace?
    let locateSpace: PFN_xrLocateSpace?
    let destroySpace: PFN_xrDestroySpace?

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
        enumerateViewConfigurations = load("xrEnumerateViewConfigurations", as: PFN_xrEnumerateViewConfigurations.self)
        getViewConfigurationProperties = load(
            "xrGetViewConfigurationProperties", as: PFN_xrGetViewConfigurationProperties.self)
        enumerateEnvironmentBlendModes = load(
            "xrEnumerateEnvironmentBlendModes", as: PFN_xrEnumerateEnvironmentBlendModes.self)
        beginSession = load("xrBeginSession", as: PFN_xrBeginSession.self)
        stringToPath = load("xrStringToPath", as: PFN_xrStringToPath.self)
        createActionSet = load("xrCreateActionSet", as: PFN_xrCreateActionSet.self)
        createAction = load("xrCreateAction", as: PFN_xrCreateAction.self)
        suggestInteractionProfileBindings = load(
            "xrSuggestInteractionProfileBindings", as: PFN_xrSuggestInteractionProfileBindings.self)
        attachSessionActionSets = load("xrAttachSessionActionSets", as: PFN_xrAttachSessionActionSets.self)
        syncActions = load("xrSyncActions", as: PFN_xrSyncActions.self)
        createActionSpace = load("xrCreateActionSpace", as: PFN_xrCreateActionSpace.self)
        locateSpace = load("xrLocateSpace", as: PFN_xrLocateSpace.self)
        destroySpace = load("xrDestroySpace", as: PFN_xrDestroySpace.self)
        self.missing = missing
    }
}
