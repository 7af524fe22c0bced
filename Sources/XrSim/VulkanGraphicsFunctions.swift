import COpenXR
import XrSimCore

/// Vulkan versions XrSim has been used with: any 1.x device lavapipe offers.
private let minVulkanVersion = xrperf_make_version(1, 0, 0)
private let maxVulkanVersion = xrperf_make_version(1, 3, 0)

/// The first physical device of `vkInstance` (lavapipe on a GPU-less host).
func pickPhysicalDevice(_ vkInstance: VkInstance) throws(XrSimError) -> VkPhysicalDevice {
    var count: UInt32 = 0
    guard vkEnumeratePhysicalDevices(vkInstance, &count, nil) == VK_SUCCESS, count > 0 else {
        Log.error("the Vulkan instance has no physical device")
        throw .runtimeFailure
    }
    var devices = [VkPhysicalDevice?](repeating: nil, count: Int(count))
    let result = vkEnumeratePhysicalDevices(vkInstance, &count, &devices)
    guard result == VK_SUCCESS || result == VK_INCOMPLETE, let first = devices.first ?? nil else { throw .runtimeFailure }
    return first
}

func physicalDevices(of vkInstance: VkInstance) -> [VkPhysicalDevice] {
    var count: UInt32 = 0
    guard vkEnumeratePhysicalDevices(vkInstance, &count, nil) == VK_SUCCESS else { return [] }
    var devices = [VkPhysicalDevice?](repeating: nil, count: Int(count))
    _ = vkEnumeratePhysicalDevices(vkInstance, &count, &devices)
    return devices.compactMap { $0 }
}

/// Shared by both extensions: answering requirements unlocks xrCreateSession.
private func graphicsRequirements(_ instance: XrInstance?, _ systemId: XrSystemId,
                                  _ requirements: UnsafeMutablePointer<XrGraphicsRequirementsVulkanKHR>?) throws(XrSimError) -> XrResult {
    try locked { registry throws(XrSimError) -> XrResult in
        let object = try registry.instance(instance, system: systemId)
        let out = try required(requirements)
        try expectType(out.pointee.type, XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN_KHR)
        out.pointee.minApiVersionSupported = minVulkanVersion
        out.pointee.maxApiVersionSupported = maxVulkanVersion
        object.graphicsRequirementsQueried = true
        return XR_SUCCESS
    }
}

private func rememberPhysicalDevice(_ instance: XrInstance?, _ device: VkPhysicalDevice) {
    _ = try? locked { registry throws(XrSimError) in
        try registry.instance(instance).returnedPhysicalDevices.insert(UInt(bitPattern: device))
    }
}

// MARK: XR_KHR_vulkan_enable

func xrsimGetVulkanGraphicsRequirementsKHR(_ instance: XrInstance?, _ systemId: XrSystemId,
                                           _ requirements: UnsafeMutablePointer<XrGraphicsRequirementsVulkanKHR>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in try graphicsRequirements(instance, systemId, requirements) }
}

/// XrSim shares no memory with a compositor, so it needs no Vulkan
/// extensions from the application: both lists are empty strings.
func xrsimGetVulkanInstanceExtensionsKHR(_ instance: XrInstance?, _ systemId: XrSystemId, _ capacity: UInt32,
                                         _ countOutput: UnsafeMutablePointer<UInt32>?, _ buffer: UnsafeMutablePointer<CChar>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.instance(instance, system: systemId) }
        return try writeString("", capacity: capacity, countOutput: countOutput, buffer: buffer)
    }
}

func xrsimGetVulkanDeviceExtensionsKHR(_ instance: XrInstance?, _ systemId: XrSystemId, _ capacity: UInt32,
                                       _ countOutput: UnsafeMutablePointer<UInt32>?, _ buffer: UnsafeMutablePointer<CChar>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.instance(instance, system: systemId) }
        return try writeString("", capacity: capacity, countOutput: countOutput, buffer: buffer)
    }
}

func xrsimGetVulkanGraphicsDeviceKHR(_ instance: XrInstance?, _ systemId: XrSystemId, _ vkInstance: VkInstance?,
                                     _ physicalDevice: UnsafeMutablePointer<VkPhysicalDevice?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.instance(instance, system: systemId) }
        let vkInstance = try required(vkInstance)
        let out = try required(physicalDevice)
        let device = try pickPhysicalDevice(vkInstance)
        rememberPhysicalDevice(instance, device)
        out.pointee = device
        return XR_SUCCESS
    }
}

// MARK: XR_KHR_vulkan_enable2

func xrsimGetVulkanGraphicsRequirements2KHR(_ instance: XrInstance?, _ systemId: XrSystemId,
                                            _ requirements: UnsafeMutablePointer<XrGraphicsRequirementsVulkan2KHR>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in try graphicsRequirements(instance, systemId, requirements) }
}

/// Creates the application's VkInstance through its own vkGetInstanceProcAddr.
/// XrSim adds nothing to the create info. Like hello_xr expects, a Vulkan
/// failure is reported in `vulkanResult` while the XR call itself succeeds.
func xrsimCreateVulkanInstanceKHR(_ instance: XrInstance?, _ createInfo: UnsafePointer<XrVulkanInstanceCreateInfoKHR>?,
                                  _ vulkanInstance: UnsafeMutablePointer<VkInstance?>?,
                                  _ vulkanResult: UnsafeMutablePointer<VkResult>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let info = try required(createInfo).pointee
        _ = try locked { registry throws(XrSimError) in try registry.instance(instance, system: info.systemId) }
        try expectType(info.type, XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR)
        guard info.createFlags == 0 else { throw .validationFailure }
        let getProc = try required(info.pfnGetInstanceProcAddr)
        let vkInfo = try required(info.vulkanCreateInfo)
        let out = try required(vulkanInstance)
        let result = try required(vulkanResult)
        guard let raw = getProc(nil, "vkCreateInstance") else {
            Log.error("the application's vkGetInstanceProcAddr has no vkCreateInstance")
            throw .runtimeFailure
        }
        let create = unsafeBitCast(raw, to: PFN_vkCreateInstance.self)
        result.pointee = create(vkInfo, info.vulkanAllocator, out)
        Log.debug("vkCreateInstance for the application: \(result.pointee.rawValue)")
        return XR_SUCCESS
    }
}

/// Creates the application's VkDevice through its own vkGetInstanceProcAddr.
func xrsimCreateVulkanDeviceKHR(_ instance: XrInstance?, _ createInfo: UnsafePointer<XrVulkanDeviceCreateInfoKHR>?,
                                _ vulkanDevice: UnsafeMutablePointer<VkDevice?>?,
                                _ vulkanResult: UnsafeMutablePointer<VkResult>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let info = try required(createInfo).pointee
        let object = try locked { registry throws(XrSimError) in try registry.instance(instance, system: info.systemId) }
        try expectType(info.type, XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR)
        guard info.createFlags == 0 else { throw .validationFailure }
        let getProc = try required(info.pfnGetInstanceProcAddr)
        let physical = try required(info.vulkanPhysicalDevice)
        let vkInfo = try required(info.vulkanCreateInfo)
        let out = try required(vulkanDevice)
        let result = try required(vulkanResult)
        let known = locked { _ in object.returnedPhysicalDevices }
        // Spec: the physical device must be the one xrGetVulkanGraphicsDevice2KHR returned.
        guard known.contains(UInt(bitPattern: physical)), let vkInstance = locked({ _ in object.lastVulkanInstance }) else {
            throw .validationFailure
        }
        guard let raw = getProc(vkInstance, "vkCreateDevice") else { throw .runtimeFailure }
        let create = unsafeBitCast(raw, to: PFN_vkCreateDevice.self)
        result.pointee = create(physical, vkInfo, info.vulkanAllocator, out)
        Log.debug("vkCreateDevice for the application: \(result.pointee.rawValue)")
        return XR_SUCCESS
    }
}

func xrsimGetVulkanGraphicsDevice2KHR(_ instance: XrInstance?, _ getInfo: UnsafePointer<XrVulkanGraphicsDeviceGetInfoKHR>?,
                                      _ physicalDevice: UnsafeMutablePointer<VkPhysicalDevice?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let info = try required(getInfo).pointee
        let object = try locked { registry throws(XrSimError) in try registry.instance(instance, system: info.systemId) }
        try expectType(info.type, XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR)
        let vkInstance = try required(info.vulkanInstance)
        let out = try required(physicalDevice)
        let device = try pickPhysicalDevice(vkInstance)
        locked { _ in object.lastVulkanInstance = vkInstance }
        rememberPhysicalDevice(instance, device)
        out.pointee = device
        return XR_SUCCESS
    }
}
