import COpenXR
import XrPerfCore

/// Called by the loader (or the layer above) instead of xrCreateInstance:
/// create the instance through the rest of the chain, then learn how to
/// reach the next link for this instance.
func layerCreateApiLayerInstance(
    _ createInfo: UnsafePointer<XrInstanceCreateInfo>?,
    _ layerInfo: UnsafePointer<XrApiLayerCreateInfo>?,
    _ instance: UnsafeMutablePointer<XrInstance?>?
) -> XrResult {
    guard let layerInfo,
          layerInfo.pointee.structType == XR_LOADER_INTERFACE_STRUCT_API_LAYER_CREATE_INFO,
          let nextInfo = layerInfo.pointee.nextInfo,
          nextInfo.pointee.structType == XR_LOADER_INTERFACE_STRUCT_API_LAYER_NEXT_INFO,
          let nextGetInstanceProcAddr = nextInfo.pointee.nextGetInstanceProcAddr,
          let nextCreate = nextInfo.pointee.nextCreateApiLayerInstance
    else {
        logError("xrCreateApiLayerInstance: the loader passed no usable chain information")
        return XR_ERROR_INITIALIZATION_FAILED
    }
    if !fixedArray(nextInfo.pointee.layerName, equals: XrPerfVersion.layerName) {
        logError("xrCreateApiLayerInstance: the chain link is for '\(stringFromFixedArray(nextInfo.pointee.layerName))', not \(XrPerfVersion.layerName)")
        return XR_ERROR_INITIALIZATION_FAILED
    }

    // The layers below must see the chain from the link after ours.
    var downInfo = layerInfo.pointee
    downInfo.nextInfo = nextInfo.pointee.next
    // XR_EXT_performance_settings and the quad-view extensions go down if
    // the runtime has them; XR_FB_display_refresh_rate and
    // XR_EXT_eye_gaze_interaction are added when the profile lets the layer
    // use them. A runtime without one of them refuses the instance, which is
    // then created again without some (ExtensionFallback), the layer
    // answering for the extensions of its own it kept from the runtime.
    let before = settingsBeforeRuntime(createInfo)
    let appEnablesRefreshRate = LayerExtensions.enables(createInfo, LayerExtensions.displayRefreshRate)
    let appEnablesEyeGaze = LayerExtensions.enables(createInfo, LayerExtensions.eyeGaze)
    let appEnablesQuadViews = LayerExtensions.enables(createInfo, LayerExtensions.quadViews)
        || LayerExtensions.enables(createInfo, LayerExtensions.foveatedRendering)
    var candidates: [OptionalDown] = []
    if !appEnablesRefreshRate && before.controller.refreshRateAllowed { candidates.append(.addRefreshRate) }
    if !appEnablesEyeGaze && before.foveation.mode == .gaze && appEnablesQuadViews { candidates.append(.addEyeGaze) }
    if appEnablesQuadViews && !before.foveation.forceEmulation { candidates.append(.keepQuadViews) }
    if LayerExtensions.enables(createInfo, LayerExtensions.performanceSettings) { candidates.append(.keepPerformanceSettings) }
    var chosen = Set(candidates)
    func attempt() -> (XrResult, Set<String>) {
        var keep: Set<String> = []
        if chosen.contains(.keepQuadViews) { keep.formUnion([LayerExtensions.quadViews, LayerExtensions.foveatedRendering]) }
        if chosen.contains(.keepPerformanceSettings) { keep.insert(LayerExtensions.performanceSettings) }
        var added: [String] = []
        if chosen.contains(.addRefreshRate) { added.append(LayerExtensions.displayRefreshRate) }
        if chosen.contains(.addEyeGaze) { added.append(LayerExtensions.eyeGaze) }
        return LayerExtensions.withExtensions(added, to: createInfo) { withAdded in
            LayerExtensions.withoutLayerExtensions(withAdded, keep: keep) { down, enabled in
                (withUnsafePointer(to: &downInfo) { nextCreate(down, $0, instance) }, enabled)
            }
        }
    }
    // Khronos' core_validation below the layer turns the runtime's
    // EXTENSION_NOT_PRESENT into INITIALIZATION_FAILED; the last attempt
    // (all dropped) is the app's own request, so its result is the app's.
    func refused(_ result: XrResult) -> Bool {
        result == XR_ERROR_EXTENSION_NOT_PRESENT || result == XR_ERROR_INITIALIZATION_FAILED
    }
    var (result, layerExtensions) = attempt()
    if refused(result) {
        for dropped in ExtensionFallback.dropOrder(count: candidates.count) {
            chosen = Set(candidates).subtracting(dropped.map { candidates[$0] })
            (result, layerExtensions) = attempt()
            if !refused(result) { break }
        }
    }
    let addRefreshRate = chosen.contains(.addRefreshRate)
    let addEyeGaze = chosen.contains(.addEyeGaze)
    let performanceSettingsNative = chosen.contains(.keepPerformanceSettings)
    let quadViewsEmulated = appEnablesQuadViews && !chosen.contains(.keepQuadViews)
        && layerExtensions.contains(LayerExtensions.quadViews)
    guard xrperf_succeeded(result) != 0, let instance, let created = instance.pointee else { return result }

    let next = NextDispatch(instance: created, getInstanceProcAddr: nextGetInstanceProcAddr)
    if !next.missing.isEmpty {
        logWarn("the runtime resolved none of: \(next.missing.joined(separator: ", ")); those calls will fail as they would without xrperf")
    }
    let foveation = quadViewsEmulated
        ? InstanceFoveation(handle: handleKey(created), next: next,
                            vulkan: LayerExtensions.vulkan.contains { LayerExtensions.enables(createInfo, $0) },
                            eyeGaze: addEyeGaze || appEnablesEyeGaze)
        : nil
    let state = InstanceState(
        handle: handleKey(created), next: next,
        applicationName: createInfo.map { stringFromFixedArray($0.pointee.applicationInfo.applicationName) } ?? "",
        engineName: createInfo.map { stringFromFixedArray($0.pointee.applicationInfo.engineName) } ?? "",
        runtimeName: runtimeName(of: created, next: next), layerExtensions: layerExtensions,
        performanceSettingsNative: performanceSettingsNative,
        refreshRate: addRefreshRate ? .enabledByLayer : (appEnablesRefreshRate ? .enabledByApp : .off),
        foveation: foveation)
    Registry.instances.insert(state.handle, state)
    logInfo("instance created: app '\(state.applicationName)', engine '\(state.engineName)', runtime '\(state.runtimeName)'"
            + (layerExtensions.isEmpty ? "" : ", layer extensions: \(layerExtensions.sorted().joined(separator: ", "))"))
    return result
}

/// What the layer may ask of the runtime beyond the app's list, or keep in
/// it, each dropped when the runtime lacks it.
private enum OptionalDown: Hashable {
    case addRefreshRate, addEyeGaze, keepQuadViews, keepPerformanceSettings
}

/// The runtime's name, for the log now and for per-platform profiles later.
private func runtimeName(of instance: XrInstance, next: NextDispatch) -> String {
    guard let getProperties = next.getInstanceProperties else { return "" }
    var properties = XrInstanceProperties()
    properties.type = XR_TYPE_INSTANCE_PROPERTIES
    guard xrperf_succeeded(getProperties(instance, &properties)) != 0 else { return "" }
    let version = ApiVersion(raw: properties.runtimeVersion)
    return "\(stringFromFixedArray(properties.runtimeName)) \(version)"
}

/// The settings as far as they can be known before the runtime and the
/// headset are: app and engine rules and the environment. Decides what the
/// layer asks of the runtime at instance creation.
private func settingsBeforeRuntime(_ info: UnsafePointer<XrInstanceCreateInfo>?) -> ProfileSettings {
    let facts = PlatformFacts(
        application: info.map { stringFromFixedArray($0.pointee.applicationInfo.applicationName) } ?? "",
        engine: info.map { stringFromFixedArray($0.pointee.applicationInfo.engineName) } ?? "",
        runtime: "", system: "", gpuVendor: nil, gpuName: "")
    return SessionProfile.resolve(facts: facts, quiet: true).settings
}
