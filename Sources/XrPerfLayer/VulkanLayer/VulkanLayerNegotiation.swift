import COpenXR

/// The Vulkan loader's entry point into VK_LAYER_XRPERF_frame_timing, named
/// in the layer's manifest ("functions"), so the library exports no
/// `vk*` symbol an app could bind to by accident. Loader interface 2 (any
/// loader since 2017): our vkGetInstanceProcAddr and vkGetDeviceProcAddr.
@_cdecl("xrperf_vkNegotiateLoaderLayerInterfaceVersion")
public func xrperfVkNegotiateLoaderLayerInterfaceVersion(_ request: UnsafeMutablePointer<VkNegotiateLayerInterface>?)
    -> VkResult {
    guard let request, request.pointee.sType == LAYER_NEGOTIATE_INTERFACE_STRUCT,
          request.pointee.loaderLayerInterfaceVersion >= 2
    else { return VK_ERROR_INITIALIZATION_FAILED }
    request.pointee.loaderLayerInterfaceVersion = 2
    request.pointee.pfnGetInstanceProcAddr = layerVkGetInstanceProcAddr
    request.pointee.pfnGetDeviceProcAddr = layerVkGetDeviceProcAddr
    request.pointee.pfnGetPhysicalDeviceProcAddr = nil
    return VK_SUCCESS
}
