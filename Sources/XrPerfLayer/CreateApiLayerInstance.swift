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
    // XR_EXT_performance_settings goes down if the runtime has it; when it
    // does not, the instance is created again without it and the layer
    // answers for it.
    var (result, layerExtensions) = LayerExtensions.withoutLayerExtensions(
        createInfo, keep: [LayerExtensions.performanceSettings]) { down, enabled in
        (withUnsafePointer(to: &downInfo) { nextCreate(down, $0, instance) }, enabled)
    }
    var performanceSettingsNative = layerExtensions.contains(LayerExtensions.performanceSettings)
    if result == XR_ERROR_EXTENSION_NOT_PRESENT, performanceSettingsNative {
        performanceSettingsNative = false
        (result, layerExtensions) = LayerExtensions.withoutLayerExtensions(createInfo) { down, enabled in
            (withUnsafePointer(to: &downInfo) { nextCreate(down, $0, instance) }, enabled)
        }
    }
    guard xrperf_succeeded(result) != 0, let instance, let created = instance.pointee else { return result }

    let next = NextDispatch(instance: created, getInstanceProcAddr: nextGetInstanceProcAddr)
    if !next.missing.isEmpty {
        logWarn("the runtime resolved none of: \(next.missing.joined(separator: ", ")); those calls will fail as they would without xrperf")
    }
    let state = InstanceState(
        handle: handleKey(created), next: next,
        applicationName: createInfo.map { stringFromFixedArray($0.pointee.applicationInfo.applicationName) } ?? "",
        engineName: createInfo.map { stringFromFixedArray($0.pointee.applicationInfo.engineName) } ?? "",
        runtimeName: runtimeName(of: created, next: next), layerExtensions: layerExtensions,
        performanceSettingsNative: performanceSettingsNative)
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
