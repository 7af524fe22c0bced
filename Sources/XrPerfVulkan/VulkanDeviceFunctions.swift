import COpenXR

/// The Vulkan device functions xrperf uses, resolved once per device through
/// vkGetDeviceProcAddr (no loader trampolines on the frame path).
public struct VulkanDeviceFunctions: @unchecked Sendable {
    let getDeviceQueue: PFN_vkGetDeviceQueue
    let createQueryPool: PFN_vkCreateQueryPool
    let destroyQueryPool: PFN_vkDestroyQueryPool
    let cmdCopyQueryPoolResults: PFN_vkCmdCopyQueryPoolResults
    let cmdPipelineBarrier: PFN_vkCmdPipelineBarrier
    let createCommandPool: PFN_vkCreateCommandPool
    let destroyCommandPool: PFN_vkDestroyCommandPool
    let allocateCommandBuffers: PFN_vkAllocateCommandBuffers
    let beginCommandBuffer: PFN_vkBeginCommandBuffer
    let endCommandBuffer: PFN_vkEndCommandBuffer
    let cmdResetQueryPool: PFN_vkCmdResetQueryPool
    let cmdWriteTimestamp: PFN_vkCmdWriteTimestamp
    let queueSubmit: PFN_vkQueueSubmit
    let createFence: PFN_vkCreateFence
    let destroyFence: PFN_vkDestroyFence
    let getFenceStatus: PFN_vkGetFenceStatus
    let resetFences: PFN_vkResetFences
    let waitForFences: PFN_vkWaitForFences
    let createBuffer: PFN_vkCreateBuffer
    let destroyBuffer: PFN_vkDestroyBuffer
    let getBufferMemoryRequirements: PFN_vkGetBufferMemoryRequirements
    let bindBufferMemory: PFN_vkBindBufferMemory
    let allocateMemory: PFN_vkAllocateMemory
    let freeMemory: PFN_vkFreeMemory
    let mapMemory: PFN_vkMapMemory
    let unmapMemory: PFN_vkUnmapMemory
    /// Instance-level, for the device's timestamp properties and name.
    let getPhysicalDeviceProperties: PFN_vkGetPhysicalDeviceProperties
    let getPhysicalDeviceQueueFamilyProperties: PFN_vkGetPhysicalDeviceQueueFamilyProperties
    let getPhysicalDeviceMemoryProperties: PFN_vkGetPhysicalDeviceMemoryProperties

    /// nil when any function is missing (a broken or foreign Vulkan setup).
    public init?(instance: VkInstance, device: VkDevice, getInstanceProcAddr: PFN_vkGetInstanceProcAddr) {
        guard let deviceProcAddrRaw = getInstanceProcAddr(instance, "vkGetDeviceProcAddr") else { return nil }
        let getDeviceProcAddr = unsafeBitCast(deviceProcAddrRaw, to: PFN_vkGetDeviceProcAddr.self)
        func deviceLevel<Function>(_ name: String, as _: Function.Type) -> Function? {
            guard let function = getDeviceProcAddr(device, name) else { return nil }
            return unsafeBitCast(function, to: Function.self)
        }
        func instanceLevel<Function>(_ name: String, as _: Function.Type) -> Function? {
            guard let function = getInstanceProcAddr(instance, name) else { return nil }
            return unsafeBitCast(function, to: Function.self)
        }
        guard let getDeviceQueue = deviceLevel("vkGetDeviceQueue", as: PFN_vkGetDeviceQueue.self),
              let createQueryPool = deviceLevel("vkCreateQueryPool", as: PFN_vkCreateQueryPool.self),
              let destroyQueryPool = deviceLevel("vkDestroyQueryPool", as: PFN_vkDestroyQueryPool.self),
              let cmdCopyQueryPoolResults = deviceLevel("vkCmdCopyQueryPoolResults", as: PFN_vkCmdCopyQueryPoolResults.self),
              let cmdPipelineBarrier = deviceLevel("vkCmdPipelineBarrier", as: PFN_vkCmdPipelineBarrier.self),
              let createCommandPool = deviceLevel("vkCreateCommandPool", as: PFN_vkCreateCommandPool.self),
              let destroyCommandPool = deviceLevel("vkDestroyCommandPool", as: PFN_vkDestroyCommandPool.self),
              let allocateCommandBuffers = deviceLevel("vkAllocateCommandBuffers", as: PFN_vkAllocateCommandBuffers.self),
              let beginCommandBuffer = deviceLevel("vkBeginCommandBuffer", as: PFN_vkBeginCommandBuffer.self),
              let endCommandBuffer = deviceLevel("vkEndCommandBuffer", as: PFN_vkEndCommandBuffer.self),
              let cmdResetQueryPool = deviceLevel("vkCmdResetQueryPool", as: PFN_vkCmdResetQueryPool.self),
              let cmdWriteTimestamp = deviceLevel("vkCmdWriteTimestamp", as: PFN_vkCmdWriteTimestamp.self),
              let queueSubmit = deviceLevel("vkQueueSubmit", as: PFN_vkQueueSubmit.self),
              let createFence = deviceLevel("vkCreateFence", as: PFN_vkCreateFence.self),
              let destroyFence = deviceLevel("vkDestroyFence", as: PFN_vkDestroyFence.self),
              let getFenceStatus = deviceLevel("vkGetFenceStatus", as: PFN_vkGetFenceStatus.self),
              let resetFences = deviceLevel("vkResetFences", as: PFN_vkResetFences.self),
              let waitForFences = deviceLevel("vkWaitForFences", as: PFN_vkWaitForFences.self),
              let createBuffer = deviceLevel("vkCreateBuffer", as: PFN_vkCreateBuffer.self),
              let destroyBuffer = deviceLevel("vkDestroyBuffer", as: PFN_vkDestroyBuffer.self),
              let getBufferMemoryRequirements = deviceLevel(
                "vkGetBufferMemoryRequirements", as: PFN_vkGetBufferMemoryRequirements.self),
              let bindBufferMemory = deviceLevel("vkBindBufferMemory", as: PFN_vkBindBufferMemory.self),
              let allocateMemory = deviceLevel("vkAllocateMemory", as: PFN_vkAllocateMemory.self),
              let freeMemory = deviceLevel("vkFreeMemory", as: PFN_vkFreeMemory.self),
              let mapMemory = deviceLevel("vkMapMemory", as: PFN_vkMapMemory.self),
              let unmapMemory = deviceLevel("vkUnmapMemory", as: PFN_vkUnmapMemory.self),
              let getPhysicalDeviceMemoryProperties = instanceLevel(
                "vkGetPhysicalDeviceMemoryProperties", as: PFN_vkGetPhysicalDeviceMemoryProperties.self),
              let getPhysicalDeviceProperties = instanceLevel(
                "vkGetPhysicalDeviceProperties", as: PFN_vkGetPhysicalDeviceProperties.self),
              let getPhysicalDeviceQueueFamilyProperties = instanceLevel(
                "vkGetPhysicalDeviceQueueFamilyProperties", as: PFN_vkGetPhysicalDeviceQueueFamilyProperties.self)
        else { return nil }
        self.getDeviceQueue = getDeviceQueue
        self.createQueryPool = createQueryPool
        self.destroyQueryPool = destroyQueryPool
        self.cmdCopyQueryPoolResults = cmdCopyQueryPoolResults
        self.cmdPipelineBarrier = cmdPipelineBarrier
        self.createCommandPool = createCommandPool
        self.destroyCommandPool = destroyCommandPool
        self.allocateCommandBuffers = allocateCommandBuffers
        self.beginCommandBuffer = beginCommandBuffer
        self.endCommandBuffer = endCommandBuffer
        self.cmdResetQueryPool = cmdResetQueryPool
        self.cmdWriteTimestamp = cmdWriteTimestamp
        self.queueSubmit = queueSubmit
        self.createFence = createFence
        self.destroyFence = destroyFence
        self.getFenceStatus = getFenceStatus
        self.resetFences = resetFences
        self.waitForFences = waitForFences
        self.createBuffer = createBuffer
        self.destroyBuffer = destroyBuffer
        self.getBufferMemoryRequirements = getBufferMemoryRequirements
        self.bindBufferMemory = bindBufferMemory
        self.allocateMemory = allocateMemory
        self.freeMemory = freeMemory
        self.mapMemory = mapMemory
        self.unmapMemory = unmapMemory
        self.getPhysicalDeviceMemoryProperties = getPhysicalDeviceMemoryProperties
        self.getPhysicalDeviceProperties = getPhysicalDeviceProperties
        self.getPhysicalDeviceQueueFamilyProperties = getPhysicalDeviceQueueFamilyProperties
    }
}
