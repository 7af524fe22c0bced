import COpenXR
import Glibc

/// XR_KHR_vulkan_enable2: the runtime creates the app's VkInstance from the
/// create info the app passes, so the layer can add its Vulkan layer there
/// (the app's own enabled layers stay, in their order, ours last: closest to
/// the driver of the app's layers, so the timestamps bracket what reaches
/// the GPU). Only when the Vulkan loader can find the layer's manifest;
/// otherwise the instance is created as the app asked and app GPU time is
/// the begin-to-end span.
func layerCreateVulkanInstanceKHR(_ instance: XrInstance?, _ createInfo: UnsafePointer<XrVulkanInstanceCreateInfoKHR>?,
                                  _ vulkanInstance: UnsafeMutablePointer<VkInstance?>?,
                                  _ vulkanResult: UnsafeMutablePointer<VkResult>?) -> XrResult {
    guard let state = Registry.instances.lookup(handleKey(instance)) else { return XR_ERROR_HANDLE_INVALID }
    var raw: PFN_xrVoidFunction?
    guard state.next.getInstanceProcAddr(instance, "xrCreateVulkanInstanceKHR", &raw) == XR_SUCCESS, let raw else {
        return XR_ERROR_FUNCTION_UNSUPPORTED
    }
    let next = unsafeBitCast(raw, to: PFN_xrCreateVulkanInstanceKHR.self)
    guard let createInfo, let vulkanInfo = createInfo.pointee.vulkanCreateInfo,
          let getInstanceProcAddr = createInfo.pointee.pfnGetInstanceProcAddr,
          VulkanLayerRequest.shouldAdd(to: vulkanInfo.pointee, getInstanceProcAddr: getInstanceProcAddr)
    else { return next(instance, createInfo, vulkanInstance, vulkanResult) }

    let appLayers = Int(vulkanInfo.pointee.enabledLayerCount)
    var names = [UnsafePointer<CChar>?](repeating: nil, count: appLayers + 1)
    for index in 0..<appLayers { names[index] = vulkanInfo.pointee.ppEnabledLayerNames[index] }
    return VulkanLayerHooks.layerName.withCString { ours in
        names[appLayers] = ours
        return names.withUnsafeBufferPointer { list in
            var info = vulkanInfo.pointee
            info.enabledLayerCount = UInt32(appLayers + 1)
            info.ppEnabledLayerNames = list.baseAddress
            return withUnsafePointer(to: &info) { changed in
                var request = createInfo.pointee
                request.vulkanCreateInfo = changed
                return next(instance, &request, vulkanInstance, vulkanResult)
            }
        }
    }
}

enum VulkanLayerRequest {
    /// Not when the app enabled it already (or VK_INSTANCE_LAYERS will), nor
    /// when the loader cannot find it, nor with XRPERF_GPU_TIMING=off.
    static func shouldAdd(to info: VkInstanceCreateInfo, getInstanceProcAddr: PFN_vkGetInstanceProcAddr) -> Bool {
        if let raw = getenv("XRPERF_GPU_TIMING"),
           ["off", "0", "false", "no"].contains(String(cString: raw).lowercased()) { return false }
        for index in 0..<Int(info.enabledLayerCount) {
            if let name = info.ppEnabledLayerNames[index], String(cString: name) == VulkanLayerHooks.layerName {
                return false
            }
        }
        if let raw = getenv("VK_INSTANCE_LAYERS"),
           String(cString: raw).split(separator: ":").contains(where: { $0 == VulkanLayerHooks.layerName }) {
            return false
        }
        guard let enumerate = getInstanceProcAddr(nil, "vkEnumerateInstanceLayerProperties") else { return false }
        let list = unsafeBitCast(enumerate, to: PFN_vkEnumerateInstanceLayerProperties.self)
        var count: UInt32 = 0
        guard list(&count, nil) == VK_SUCCESS else { return false }
        var properties = [VkLayerProperties](repeating: VkLayerProperties(), count: Int(count))
        let listed = list(&count, &properties)
        guard listed == VK_SUCCESS || listed == VK_INCOMPLETE else { return false }
        let found = properties.prefix(Int(count)).contains { property in
            withUnsafeBytes(of: property.layerName) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self) == VulkanLayerHooks.layerName
            }
        }
        if !found {
            logInfo("the Vulkan loader does not find \(VulkanLayerHooks.layerName) (install xrperf, or point "
                + "VK_ADD_LAYER_PATH at build/manifests/vulkan): app GPU time will span xrBeginFrame to xrEndFrame")
        }
        return found
    }
}
