import COpenXR

/// The runtime's only exported symbol (loader spec, "Runtime interface
/// negotiation"). Must stay public: release builds drop internal @_cdecl functions.
@_cdecl("xrNegotiateLoaderRuntimeInterface")
public func xrNegotiateLoaderRuntimeInterface(
    _ loaderInfo: UnsafePointer<XrNegotiateLoaderInfo>?,
    _ runtimeRequest: UnsafeMutablePointer<XrNegotiateRuntimeRequest>?
) -> XrResult {
    guard let info = loaderInfo?.pointee, let request = runtimeRequest else {
        Log.error("negotiation: null loader info or runtime request")
        return XR_ERROR_INITIALIZATION_FAILED
    }
    guard info.structType == XR_LOADER_INTERFACE_STRUCT_LOADER_INFO,
        info.structVersion == UInt32(XR_LOADER_INFO_STRUCT_VERSION),
        info.structSize == MemoryLayout<XrNegotiateLoaderInfo>.size,
        request.pointee.structType == XR_LOADER_INTERFACE_STRUCT_RUNTIME_REQUEST,
        request.pointee.structVersion == UInt32(XR_RUNTIME_INFO_STRUCT_VERSION),
        request.pointee.structSize == MemoryLayout<XrNegotiateRuntimeRequest>.size
    else {
        Log.error("negotiation: unexpected structure type, version or size")
        return XR_ERROR_INITIALIZATION_FAILED
    }
    let interfaceVersion = UInt32(XR_CURRENT_LOADER_RUNTIME_VERSION)
    guard info.minInterfaceVersion <= interfaceVersion, interfaceVersion <= info.maxInterfaceVersion else {
        Log.error("negotiation: loader interface versions \(info.minInterfaceVersion)...\(info.maxInterfaceVersion) exclude \(interfaceVersion)")
        return XR_ERROR_INITIALIZATION_FAILED
    }
    // Compare major.minor only: any 1.0.x loader speaks the 1.0 API we implement.
    let apiVersion = xrperf_current_api_version()
    let apiMajorMinor = apiVersion >> 32
    guard info.minApiVersion >> 32 <= apiMajorMinor, apiMajorMinor <= info.maxApiVersion >> 32 else {
        Log.error("negotiation: loader API versions exclude 1.0")
        return XR_ERROR_INITIALIZATION_FAILED
    }
    request.pointee.runtimeInterfaceVersion = interfaceVersion
    request.pointee.runtimeApiVersion = apiVersion
    request.pointee.getInstanceProcAddr = xrsimGetInstanceProcAddr
    Log.debug("negotiated loader interface \(interfaceVersion)")
    return XR_SUCCESS
}
