import COpenXR
import Glibc
import XrPerfCore

/// xrperf's Vulkan layer, VK_LAYER_XRPERF_frame_timing: the OpenXR layer
/// enables it on the app's VkInstance (XR_KHR_vulkan_enable2), or the user
/// does (VK_INSTANCE_LAYERS), so that the app's own submissions on its
/// session's queue can be timed one by one (SubmissionBrackets). It
/// intercepts instance and device creation to learn the next links, and
/// vkQueueSubmit; everything else resolves to the next link's function, so
/// untouched calls never pass through it.
enum VulkanLayerHooks {
    static let layerName = XrPerfVersion.vulkanLayerName

    static func getInstanceProcAddr(_ instance: VkInstance?, _ name: UnsafePointer<CChar>?) -> PFN_vkVoidFunction? {
        guard let name else { return nil }
        if let ours = intercepted(name, deviceLevel: false) { return ours }
        guard let link = VulkanDispatch.instance(instance) else { return nil }
        return link.getInstanceProcAddr(instance, name)
    }

    static func getDeviceProcAddr(_ device: VkDevice?, _ name: UnsafePointer<CChar>?) -> PFN_vkVoidFunction? {
        guard let name else { return nil }
        guard let link = VulkanDispatch.device(device) else {
            return strcmp(name, "vkGetDeviceProcAddr") == 0 ? intercepted(name, deviceLevel: true) : nil
        }
        // Functions of a version or extension the device may lack: ours only
        // where the next link has them.
        if strcmp(name, "vkQueueSubmit2") == 0 {
            return link.queueSubmit2 == nil ? nil : erase(layerVkQueueSubmit2 as PFN_vkQueueSubmit2)
        }
        if strcmp(name, "vkQueueSubmit2KHR") == 0 {
            return link.queueSubmit2KHR == nil ? nil : erase(layerVkQueueSubmit2KHR as PFN_vkQueueSubmit2)
        }
        if let ours = intercepted(name, deviceLevel: true) { return ours }
        return link.getDeviceProcAddr(device, name)
    }

    /// Our functions by name: instance-level ones only through
    /// vkGetInstanceProcAddr, device-level ones through both.
    private static func intercepted(_ name: UnsafePointer<CChar>, deviceLevel: Bool) -> PFN_vkVoidFunction? {
        func named(_ candidate: String) -> Bool { strcmp(name, candidate) == 0 }
        if named("vkGetDeviceProcAddr") { return erase(layerVkGetDeviceProcAddr as PFN_vkGetDeviceProcAddr) }
        if named("vkQueueSubmit") { return erase(layerVkQueueSubmit as PFN_vkQueueSubmit) }
        if named("vkDestroyDevice") { return erase(layerVkDestroyDevice as PFN_vkDestroyDevice) }
        if deviceLevel { return nil }
        if named("vkQueueSubmit2") { return erase(layerVkQueueSubmit2 as PFN_vkQueueSubmit2) }
        if named("vkQueueSubmit2KHR") { return erase(layerVkQueueSubmit2KHR as PFN_vkQueueSubmit2) }
        if named("vkGetInstanceProcAddr") { return erase(layerVkGetInstanceProcAddr as PFN_vkGetInstanceProcAddr) }
        if named("vkCreateInstance") { return erase(layerVkCreateInstance as PFN_vkCreateInstance) }
        if named("vkDestroyInstance") { return erase(layerVkDestroyInstance as PFN_vkDestroyInstance) }
        if named("vkCreateDevice") { return erase(layerVkCreateDevice as PFN_vkCreateDevice) }
        return nil
    }

    static func erase<Function>(_ function: Function) -> PFN_vkVoidFunction {
        unsafeBitCast(function, to: PFN_vkVoidFunction.self)
    }

    /// The loader's link info in a create-info chain (sType 47 for
    /// instances, 48 for devices, function VK_LAYER_LINK_INFO).
    static func linkInfo<Info>(in chain: UnsafeRawPointer?, type: VkStructureType, as _: Info.Type)
        -> UnsafeMutablePointer<Info>? {
        var next = chain
        while let header = next?.assumingMemoryBound(to: VkLayerInstanceCreateInfo.self) {
            if header.pointee.sType == type, header.pointee.function == VK_LAYER_LINK_INFO {
                return UnsafeMutableRawPointer(mutating: header).assumingMemoryBound(to: Info.self)
            }
            next = header.pointee.pNext
        }
        return nil
    }
}

func layerVkGetInstanceProcAddr(_ instance: VkInstance?, _ name: UnsafePointer<CChar>?) -> PFN_vkVoidFunction? {
    VulkanLayerHooks.getInstanceProcAddr(instance, name)
}

func layerVkGetDeviceProcAddr(_ device: VkDevice?, _ name: UnsafePointer<CChar>?) -> PFN_vkVoidFunction? {
    VulkanLayerHooks.getDeviceProcAddr(device, name)
}

func layerVkCreateInstance(_ info: UnsafePointer<VkInstanceCreateInfo>?, _ allocator: UnsafePointer<VkAllocationCallbacks>?,
                           _ instance: UnsafeMutablePointer<VkInstance?>?) -> VkResult {
    guard let info, let instance,
          let chain = VulkanLayerHooks.linkInfo(in: info.pointee.pNext, type: VK_STRUCTURE_TYPE_LOADER_INSTANCE_CREATE_INFO,
                                                as: VkLayerInstanceCreateInfo.self),
          let link = chain.pointee.u.pLayerInfo, let next = link.pointee.pfnNextGetInstanceProcAddr,
          let create = next(nil, "vkCreateInstance")
    else { return VK_ERROR_INITIALIZATION_FAILED }
    // The layers below read the link after ours.
    chain.pointee.u.pLayerInfo = link.pointee.pNext
    let result = unsafeBitCast(create, to: PFN_vkCreateInstance.self)(info, allocator, instance)
    guard result == VK_SUCCESS, let created = instance.pointee else { return result }
    let destroy = next(created, "vkDestroyInstance").map { unsafeBitCast($0, to: PFN_vkDestroyInstance.self) }
    let entry = VulkanInstanceLink(key: VulkanDispatch.key(created), instance: created, getInstanceProcAddr: next,
                                   destroyInstance: destroy)
    VulkanDispatch.instances.withLock { $0.append(entry) }
    return result
}

func layerVkDestroyInstance(_ instance: VkInstance?, _ allocator: UnsafePointer<VkAllocationCallbacks>?) {
    guard let instance else { return }
    let key = VulkanDispatch.key(instance)
    let link = VulkanDispatch.instances.withLock { links -> VulkanInstanceLink? in
        guard let index = links.firstIndex(where: { $0.key == key }) else { return nil }
        return links.remove(at: index)
    }
    link?.destroyInstance?(instance, allocator)
}

func layerVkCreateDevice(_ physicalDevice: VkPhysicalDevice?, _ info: UnsafePointer<VkDeviceCreateInfo>?,
                         _ allocator: UnsafePointer<VkAllocationCallbacks>?,
                         _ device: UnsafeMutablePointer<VkDevice?>?) -> VkResult {
    guard let info, let device,
          let chain = VulkanLayerHooks.linkInfo(in: info.pointee.pNext, type: VK_STRUCTURE_TYPE_LOADER_DEVICE_CREATE_INFO,
                                                as: VkLayerDeviceCreateInfo.self),
          let link = chain.pointee.u.pLayerInfo, let nextInstance = link.pointee.pfnNextGetInstanceProcAddr,
          let nextDevice = link.pointee.pfnNextGetDeviceProcAddr,
          let instance = VulkanDispatch.instance(physicalDevice)?.instance,
          let create = nextInstance(instance, "vkCreateDevice")
    else { return VK_ERROR_INITIALIZATION_FAILED }
    chain.pointee.u.pLayerInfo = link.pointee.pNext
    let result = unsafeBitCast(create, to: PFN_vkCreateDevice.self)(physicalDevice, info, allocator, device)
    guard result == VK_SUCCESS, let created = device.pointee else { return result }
    func function<Function>(_ name: String, as _: Function.Type) -> Function? {
        nextDevice(created, name).map { unsafeBitCast($0, to: Function.self) }
    }
    let entry = VulkanDeviceLink(key: VulkanDispatch.key(created), device: created, getDeviceProcAddr: nextDevice,
                                 destroyDevice: function("vkDestroyDevice", as: PFN_vkDestroyDevice.self),
                                 queueSubmit: function("vkQueueSubmit", as: PFN_vkQueueSubmit.self),
                                 queueSubmit2: function("vkQueueSubmit2", as: PFN_vkQueueSubmit2.self),
                                 queueSubmit2KHR: function("vkQueueSubmit2KHR", as: PFN_vkQueueSubmit2.self))
    VulkanDispatch.devices.withLock { $0.append(entry) }
    return result
}

func layerVkDestroyDevice(_ device: VkDevice?, _ allocator: UnsafePointer<VkAllocationCallbacks>?) {
    guard let device else { return }
    let key = VulkanDispatch.key(device)
    let link = VulkanDispatch.devices.withLock { links -> VulkanDeviceLink? in
        guard let index = links.firstIndex(where: { $0.key == key }) else { return nil }
        return links.remove(at: index)
    }
    link?.destroyDevice?(device, allocator)
}

/// The app's submissions on a session's queue get a timestamp bracket while
/// a frame is open; every other submission (the runtime's among them) goes
/// down as it came.
func layerVkQueueSubmit(_ queue: VkQueue?, _ count: UInt32, _ submits: UnsafePointer<VkSubmitInfo>?,
                        _ fence: VkFence?) -> VkResult {
    guard let queue else { return VK_ERROR_DEVICE_LOST }
    // A session's queue: one lookup gives the brackets and the way down.
    if !RuntimeCallMarker.active, let route = QueueBrackets.route(of: queue) {
        if let submits, count > 0, let spliced = route.brackets.splice(submits, count: Int(count)) {
            return route.submit(queue, count, spliced, fence)
        }
        return route.submit(queue, count, submits, fence)
    }
    guard let submit = VulkanDispatch.device(queue)?.queueSubmit else { return VK_ERROR_DEVICE_LOST }
    return submit(queue, count, submits, fence)
}

/// vkQueueSubmit2 is not bracketed yet: a frame that uses it on the
/// session's queue is timed by its span instead of being under-counted.
func layerVkQueueSubmit2(_ queue: VkQueue?, _ count: UInt32, _ submits: UnsafePointer<VkSubmitInfo2>?,
                         _ fence: VkFence?) -> VkResult {
    untimedSubmit2(queue, count, submits, fence, next: \.queueSubmit2)
}

func layerVkQueueSubmit2KHR(_ queue: VkQueue?, _ count: UInt32, _ submits: UnsafePointer<VkSubmitInfo2>?,
                            _ fence: VkFence?) -> VkResult {
    untimedSubmit2(queue, count, submits, fence, next: \.queueSubmit2KHR)
}

private func untimedSubmit2(_ queue: VkQueue?, _ count: UInt32, _ submits: UnsafePointer<VkSubmitInfo2>?, _ fence: VkFence?,
                            next: KeyPath<VulkanDeviceLink, PFN_vkQueueSubmit2?>) -> VkResult {
    guard let queue, let submit = VulkanDispatch.device(queue)?[keyPath: next] else { return VK_ERROR_FEATURE_NOT_PRESENT }
    if !RuntimeCallMarker.active { QueueBrackets.route(of: queue)?.brackets.markUntimed() }
    return submit(queue, count, submits, fence)
}
