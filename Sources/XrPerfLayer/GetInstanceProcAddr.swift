import COpenXR

/// Our function for what the layer intercepts, the next link's pointer for
/// everything else, so untouched calls cost nothing.
func layerGetInstanceProcAddr(
    _ instance: XrInstance?, _ name: UnsafePointer<CChar>?, _ function: UnsafeMutablePointer<PFN_xrVoidFunction?>?
) -> XrResult {
    guard let name, let function else { return XR_ERROR_VALIDATION_FAILURE }
    guard let state = Registry.instances.lookup(handleKey(instance)) else {
        // Without an instance the loader answers the global functions itself;
        // a layer has no next link to ask.
        function.pointee = nil
        return instance == nil ? XR_ERROR_FUNCTION_UNSUPPORTED : XR_ERROR_HANDLE_INVALID
    }
    if let ours = LayerSurface.intercept(named: name) {
        // A function of a layer extension exists only where the app enabled it.
        if let required = ours.requiredExtension, !state.layerExtensions.contains(required) {
            function.pointee = nil
            return XR_ERROR_FUNCTION_UNSUPPORTED
        }
        if ours.wrapsNext {
            let result = state.next.getInstanceProcAddr(instance, name, function)
            guard result == XR_SUCCESS, function.pointee != nil else { return result }
        }
        function.pointee = ours.function
        return XR_SUCCESS
    }
    return state.next.getInstanceProcAddr(instance, name, function)
}
