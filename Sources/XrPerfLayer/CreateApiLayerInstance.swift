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
    // then created again without it, the layer answering for the extensions
    // of its own. Added ones go first, then the kept ones.
    let before = settingsBeforeRuntime(createInfo)
    let appEnablesRefreshRate = LayerExtensions.enables(createInfo, LayerExtensions.displayRefreshRate)
    let appEnablesEyeGaze = LayerExtensions.enables(createInfo, LayerExtensions.eyeGaze)
    var addRefreshRate = !appEnablesRefreshRate && before.controller.refreshRateAllowed
    var addEyeGaze = !appEnablesEyeGaze && before.foveation.mode == .gaze
        && LayerExtensions.enables(createInfo, LayerExtensions.quadViews)
    var keep: Set<String> = [LayerExtensions.performanceSettings]
    if !before.foveation.forceEmulation { keep.formUnion([LayerExtensions.quadViews, LayerExtensions.foveatedRendering]) }
    func attempt() -> (XrResult, Set<String>) {
        LayerExtensions.withExtension(LayerExtensions.displayRefreshRate, added: addRefreshRate, to: createInfo) { withRate in
            LayerExtensions.withExtension(LayerExtensions.eyeGaze, added: addEyeGaze, to: withRate) { withGaze in
                LayerExtensions.withoutLayerExtensions(withGaze, keep: keep) { down, enabled in
                    (withUnsafePointer(to: &downInfo) { nextCreate(down, $0, instance) }, enabled)
                }
            }
        }
    }
    var (result, layerExtensions) = attempt()
    while result == XR_ERROR_EXTENSION_NOT_PRESENT {
        let keptByApp = keep.intersection(layerExtensions)
        if addRefreshRate {
            addRefreshRate = false
        } else if addEyeGaze {
            addEyeGaze = false
        } else if !keptByApp.isDisjoint(with: [LayerExtensions.quadViews, LayerExtensions.foveatedRendering]) {
            keep.subtract([LayerExtensions.quadViews, LayerExtensions.foveatedRendering])
        } else if keptByApp.contains(LayerExtensions.performanceSettings) {
            keep.remove(LayerExtensions.performanceSettings)
        } else {
            break
        }
        (result, layerExtensions) = attempt()
    }
    let performanceSettingsNative = keep.contains(LayerExtensions.performanceSettings)
        && layerExtensions.contains(LayerExtensions.performanceSettings)
    let quadViewsEmulated = layerExtensions.contains(LayerExtensions.quadViews) && !keep.contains(LayerExtensions.quadViews)
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
