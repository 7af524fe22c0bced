import COpenXR
import XrPerfCore

// The view-configuration calls of an instance that emulates quad views: the
// runtime knows only stereo, so PRIMARY_QUAD_VARJO is added to its list and
// every question about it is asked below as stereo. Instances that do not
// emulate pass straight through.

let quadViewConfiguration = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO

func layerEnumerateViewConfigurations(
    _ instance: XrInstance?, _ systemId: XrSystemId, _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
    _ types: UnsafeMutablePointer<XrViewConfigurationType>?
) -> XrResult {
    guard let state = Registry.instances.lookup(handleKey(instance)) else { return XR_ERROR_HANDLE_INVALID }
    guard let enumerate = state.next.enumerateViewConfigurations else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    guard let foveation = state.foveation, let countOutput else {
        return enumerate(instance, systemId, capacity, countOutput, types)
    }
    var below: UInt32 = 0
    var result = enumerate(instance, systemId, 0, &below, nil)
    guard result == XR_SUCCESS else { return result }
    // Only on top of a stereo system, and only once.
    var runtimeTypes = [XrViewConfigurationType](repeating: XrViewConfigurationType(rawValue: 0), count: Int(below))
    result = enumerate(instance, systemId, below, &below, &runtimeTypes)
    guard result == XR_SUCCESS else { return result }
    let offered = foveation.offersQuadViews(state, systemId: systemId)
        && runtimeTypes.contains(XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) && !runtimeTypes.contains(quadViewConfiguration)
    if offered { runtimeTypes.append(quadViewConfiguration) }
    countOutput.pointee = UInt32(runtimeTypes.count)
    guard capacity > 0 else { return XR_SUCCESS }
    guard capacity >= UInt32(runtimeTypes.count) else { return XR_ERROR_SIZE_INSUFFICIENT }
    guard let types else { return XR_ERROR_VALIDATION_FAILURE }
    for (index, type) in runtimeTypes.enumerated() { types[index] = type }
    return XR_SUCCESS
}

/// Whether `type` is the emulated quad configuration on this instance.
func isEmulatedQuad(_ state: InstanceState, _ type: XrViewConfigurationType, systemId: XrSystemId?) -> Bool {
    guard type == quadViewConfiguration, let foveation = state.foveation else { return false }
    guard let systemId else { return true }
    return foveation.offersQuadViews(state, systemId: systemId)
}

func layerGetViewConfigurationProperties(
    _ instance: XrInstance?, _ systemId: XrSystemId, _ type: XrViewConfigurationType,
    _ properties: UnsafeMutablePointer<XrViewConfigurationProperties>?
) -> XrResult {
    guard let state = Registry.instances.lookup(handleKey(instance)) else { return XR_ERROR_HANDLE_INVALID }
    guard let get = state.next.getViewConfigurationProperties else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    guard isEmulatedQuad(state, type, systemId: systemId) else { return get(instance, systemId, type, properties) }
    let result = get(instance, systemId, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, properties)
    if result == XR_SUCCESS, let properties { properties.pointee.viewConfigurationType = quadViewConfiguration }
    return result
}

func layerEnumerateEnvironmentBlendModes(
    _ instance: XrInstance?, _ systemId: XrSystemId, _ type: XrViewConfigurationType, _ capacity: UInt32,
    _ countOutput: UnsafeMutablePointer<UInt32>?, _ modes: UnsafeMutablePointer<XrEnvironmentBlendMode>?
) -> XrResult {
    guard let state = Registry.instances.lookup(handleKey(instance)) else { return XR_ERROR_HANDLE_INVALID }
    guard let enumerate = state.next.enumerateEnvironmentBlendModes else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    let down = isEmulatedQuad(state, type, systemId: systemId) ? XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO : type
    return enumerate(instance, systemId, down, capacity, countOutput, modes)
}

/// xrEnumerateViewConfigurationViews for the quad configuration: four views
/// from the stereo ones (QuadViewLayout), the maxima the runtime's.
func enumerateQuadViews(
    _ state: InstanceState, _ foveation: InstanceFoveation, systemId: XrSystemId, _ capacity: UInt32,
    _ countOutput: UnsafeMutablePointer<UInt32>?, _ views: UnsafeMutablePointer<XrViewConfigurationView>?
) -> XrResult {
    guard let countOutput else { return XR_ERROR_VALIDATION_FAILURE }
    guard let (layout, maximum) = foveation.viewLayout(state, systemId: systemId) else { return XR_ERROR_RUNTIME_FAILURE }
    let count = UInt32(SessionFoveation.quadViewCount)
    countOutput.pointee = count
    guard capacity > 0 else { return XR_SUCCESS }
    guard capacity >= count else { return XR_ERROR_SIZE_INSUFFICIENT }
    guard let views else { return XR_ERROR_VALIDATION_FAILURE }
    for index in 0..<Int(count) where views[index].type != XR_TYPE_VIEW_CONFIGURATION_VIEW {
        return XR_ERROR_VALIDATION_FAILURE
    }
    for index in 0..<Int(count) {
        let size = layout.size(ofView: index)
        // XrFoveatedViewConfigurationViewVARJO may be chained: with a
        // foveated (gaze-following) focus the sizes are the same, so the
        // chain is left as it is.
        views[index].recommendedImageRectWidth = size.width
        views[index].recommendedImageRectHeight = size.height
        views[index].maxImageRectWidth = maximum.width
        views[index].maxImageRectHeight = maximum.height
        views[index].recommendedSwapchainSampleCount = 1
        views[index].maxSwapchainSampleCount = 1
    }
    foveation.appSizesQuadViews.store(true, ordering: .relaxed)
    return XR_SUCCESS
}
