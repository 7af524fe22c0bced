import COpenXR
import Glibc
import XrPerfCore

/// The OpenXR loader's entry point (the Vulkan layer has its own,
/// VulkanLayerNegotiation.swift). The loader calls it once per
/// instance it creates, so it must stay idempotent and keep no state.
@_cdecl("xrNegotiateLoaderApiLayerInterface")
public func xrNegotiateLoaderApiLayerInterface(
    _ loaderInfo: UnsafePointer<XrNegotiateLoaderInfo>?,
    _ layerName: UnsafePointer<CChar>?,
    _ request: UnsafeMutablePointer<XrNegotiateApiLayerRequest>?
) -> XrResult {
    guard let loaderInfo, let request else {
        logError("negotiation: the loader passed a null pointer")
        return XR_ERROR_INITIALIZATION_FAILED
    }
    let info = loaderInfo.pointee
    guard info.structType == XR_LOADER_INTERFACE_STRUCT_LOADER_INFO,
          info.structVersion >= UInt32(XR_LOADER_INFO_STRUCT_VERSION),
          info.structSize >= MemoryLayout<XrNegotiateLoaderInfo>.size
    else {
        logError("negotiation: unexpected loader info (type \(info.structType.rawValue), version \(info.structVersion), size \(info.structSize))")
        return XR_ERROR_INITIALIZATION_FAILED
    }
    guard request.pointee.structType == XR_LOADER_INTERFACE_STRUCT_API_LAYER_REQUEST,
          request.pointee.structVersion >= UInt32(XR_API_LAYER_INFO_STRUCT_VERSION),
          request.pointee.structSize >= MemoryLayout<XrNegotiateApiLayerRequest>.size
    else {
        logError("negotiation: unexpected layer request struct from the loader")
        return XR_ERROR_INITIALIZATION_FAILED
    }
    if let layerName, String(cString: layerName) != XrPerfVersion.layerName {
        logError("negotiation: asked to act as '\(String(cString: layerName))', this library is \(XrPerfVersion.layerName)")
        return XR_ERROR_INITIALIZATION_FAILED
    }
    let offer = LoaderNegotiation.Offer(
        minInterfaceVersion: info.minInterfaceVersion, maxInterfaceVersion: info.maxInterfaceVersion,
        minApiVersion: ApiVersion(raw: info.minApiVersion), maxApiVersion: ApiVersion(raw: info.maxApiVersion))
    switch LoaderNegotiation(builtWith: ApiVersion(raw: xrperf_current_api_version())).answer(offer) {
    case .failure(let refusal):
        logError("negotiation refused: \(refusal)")
        return XR_ERROR_INITIALIZATION_FAILED
    case .success(let answer):
        request.pointee.layerInterfaceVersion = answer.interfaceVersion
        request.pointee.layerApiVersion = answer.apiVersion.raw
        request.pointee.getInstanceProcAddr = layerGetInstanceProcAddr
        request.pointee.createApiLayerInstance = layerCreateApiLayerInstance
        logDebug("negotiated interface \(answer.interfaceVersion), API \(answer.apiVersion)")
        return XR_SUCCESS
    }
}
