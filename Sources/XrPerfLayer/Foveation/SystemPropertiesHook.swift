import COpenXR

/// xrGetSystemProperties on an instance that emulates quad views: the
/// runtime does not know XrSystemFoveatedRenderingPropertiesVARJO, so it is
/// unlinked from the app's chain for the call down (a validation layer below
/// would reject it) and answered here: foveated rendering is supported where
/// the layer can follow the gaze.
func layerGetSystemProperties(
    _ instance: XrInstance?, _ systemId: XrSystemId, _ properties: UnsafeMutablePointer<XrSystemProperties>?
) -> XrResult {
    guard let state = Registry.instances.lookup(handleKey(instance)) else { return XR_ERROR_HANDLE_INVALID }
    guard let get = state.next.getSystemProperties else { return XR_ERROR_FUNCTION_UNSUPPORTED }
    guard let foveation = state.foveation, let properties else { return get(instance, systemId, properties) }
    // Output structs: their next pointers are the app's to lend for the call.
    var previous = UnsafeMutableRawPointer(properties)
    var found: UnsafeMutablePointer<XrSystemFoveatedRenderingPropertiesVARJO>?
    var link = properties.pointee.next
    while let current = link {
        let header = current.assumingMemoryBound(to: XrBaseOutStructure.self)
        if header.pointee.type == XR_TYPE_SYSTEM_FOVEATED_RENDERING_PROPERTIES_VARJO {
            found = current.assumingMemoryBound(to: XrSystemFoveatedRenderingPropertiesVARJO.self)
            previous.assumingMemoryBound(to: XrBaseOutStructure.self).pointee.next = header.pointee.next
            break
        }
        previous = current
        link = UnsafeMutableRawPointer(header.pointee.next)
    }
    let result = get(instance, systemId, properties)
    if let found {
        previous.assumingMemoryBound(to: XrBaseOutStructure.self).pointee.next =
            UnsafeMutableRawPointer(found).assumingMemoryBound(to: XrBaseOutStructure.self)
        if result == XR_SUCCESS {
            let gaze = foveation.gaze != nil && eyeGazeSupported(state, systemId: systemId)
            found.pointee.supportsFoveatedRendering = gaze && foveation.offersQuadViews(state, systemId: systemId) ? 1 : 0
        }
    }
    return result
}

/// Whether the system tracks eyes (XR_EXT_eye_gaze_interaction, enabled on
/// the runtime's instance by the app or the layer).
func eyeGazeSupported(_ state: InstanceState, systemId: XrSystemId) -> Bool {
    guard let get = state.next.getSystemProperties else { return false }
    var gaze = XrSystemEyeGazeInteractionPropertiesEXT()
    gaze.type = XR_TYPE_SYSTEM_EYE_GAZE_INTERACTION_PROPERTIES_EXT
    var properties = XrSystemProperties()
    properties.type = XR_TYPE_SYSTEM_PROPERTIES
    let result = withUnsafeMutablePointer(to: &gaze) { pointer in
        properties.next = UnsafeMutableRawPointer(pointer)
        return get(OpaquePointer(bitPattern: state.handle), systemId, &properties)
    }
    return result == XR_SUCCESS && gaze.supportsEyeGazeInteraction != 0
}
