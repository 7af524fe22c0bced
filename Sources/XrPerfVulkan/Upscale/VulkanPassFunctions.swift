import COpenXR

/// The Vulkan functions the layer's passes use, resolved once per device
/// through vkGetDeviceProcAddr (no loader trampolines on the frame path).
/// The functions GPU timing also uses come from the timer's
/// VulkanDeviceFunctions (`device`), resolved once; the rest are the pass's
/// own, apart because timing must work on a device where a pass cannot.
public struct VulkanPassFunctions: @unchecked Sendable {
    struct Missing: Error {
        let name: String
    }

    /// Command buffers, queries, fences, buffers and memory, barriers, the
    /// queue and device properties.
    let device: VulkanDeviceFunctions

    let getPhysicalDeviceFormatProperties: PFN_vkGetPhysicalDeviceFormatProperties
    let createImage: PFN_vkCreateImage
    let destroyImage: PFN_vkDestroyImage
    let getImageMemoryRequirements: PFN_vkGetImageMemoryRequirements
    let bindImageMemory: PFN_vkBindImageMemory
    let createImageView: PFN_vkCreateImageView
    let destroyImageView: PFN_vkDestroyImageView
    let createSampler: PFN_vkCreateSampler
    let destroySampler: PFN_vkDestroySampler
    let createDescriptorSetLayout: PFN_vkCreateDescriptorSetLayout
    let destroyDescriptorSetLayout: PFN_vkDestroyDescriptorSetLayout
    let createPipelineLayout: PFN_vkCreatePipelineLayout
    let destroyPipelineLayout: PFN_vkDestroyPipelineLayout
    let createShaderModule: PFN_vkCreateShaderModule
    let destroyShaderModule: PFN_vkDestroyShaderModule
    let createComputePipelines: PFN_vkCreateComputePipelines
    let destroyPipeline: PFN_vkDestroyPipeline
    let createDescriptorPool: PFN_vkCreateDescriptorPool
    let destroyDescriptorPool: PFN_vkDestroyDescriptorPool
    let allocateDescriptorSets: PFN_vkAllocateDescriptorSets
    let updateDescriptorSets: PFN_vkUpdateDescriptorSets
    let freeCommandBuffers: PFN_vkFreeCommandBuffers
    let resetCommandBuffer: PFN_vkResetCommandBuffer
    let cmdBindPipeline: PFN_vkCmdBindPipeline
    let cmdBindDescriptorSets: PFN_vkCmdBindDescriptorSets
    let cmdPushConstants: PFN_vkCmdPushConstants
    let cmdDispatch: PFN_vkCmdDispatch
    let cmdBlitImage: PFN_vkCmdBlitImage
    let createRenderPass: PFN_vkCreateRenderPass
    let destroyRenderPass: PFN_vkDestroyRenderPass
    let createFramebuffer: PFN_vkCreateFramebuffer
    let destroyFramebuffer: PFN_vkDestroyFramebuffer
    let createGraphicsPipelines: PFN_vkCreateGraphicsPipelines
    let cmdBeginRenderPass: PFN_vkCmdBeginRenderPass
    let cmdEndRenderPass: PFN_vkCmdEndRenderPass
    let cmdSetViewport: PFN_vkCmdSetViewport
    let cmdSetScissor: PFN_vkCmdSetScissor
    let cmdDraw: PFN_vkCmdDraw

    /// Throws the name of the first function the device or instance lacks.
    init(instance: VkInstance, device: VkDevice, getInstanceProcAddr: PFN_vkGetInstanceProcAddr) throws(Missing) {
        guard let shared = VulkanDeviceFunctions(instance: instance, device: device, getInstanceProcAddr: getInstanceProcAddr)
        else { throw Missing(name: "a command buffer, query or fence function") }
        self.device = shared
        guard let raw = getInstanceProcAddr(instance, "vkGetDeviceProcAddr") else { throw Missing(name: "vkGetDeviceProcAddr") }
        let getDeviceProcAddr = unsafeBitCast(raw, to: PFN_vkGetDeviceProcAddr.self)
        func d<F>(_ name: String, _: F.Type) throws(Missing) -> F {
            guard let function = getDeviceProcAddr(device, name) else { throw Missing(name: name) }
            return unsafeBitCast(function, to: F.self)
        }
        func i<F>(_ name: String, _: F.Type) throws(Missing) -> F {
            guard let function = getInstanceProcAddr(instance, name) else { throw Missing(name: name) }
            return unsafeBitCast(function, to: F.self)
        }
        getPhysicalDeviceFormatProperties = try i("vkGetPhysicalDeviceFormatProperties", PFN_vkGetPhysicalDeviceFormatProperties.self)
        createImage = try d("vkCreateImage", PFN_vkCreateImage.self)
        destroyImage = try d("vkDestroyImage", PFN_vkDestroyImage.self)
        getImageMemoryRequirements = try d("vkGetImageMemoryRequirements", PFN_vkGetImageMemoryRequirements.self)
        bindImageMemory = try d("vkBindImageMemory", PFN_vkBindImageMemory.self)
        createImageView = try d("vkCreateImageView", PFN_vkCreateImageView.self)
        destroyImageView = try d("vkDestroyImageView", PFN_vkDestroyImageView.self)
        createSampler = try d("vkCreateSampler", PFN_vkCreateSampler.self)
        destroySampler = try d("vkDestroySampler", PFN_vkDestroySampler.self)
        createDescriptorSetLayout = try d("vkCreateDescriptorSetLayout", PFN_vkCreateDescriptorSetLayout.self)
        destroyDescriptorSetLayout = try d("vkDestroyDescriptorSetLayout", PFN_vkDestroyDescriptorSetLayout.self)
        createPipelineLayout = try d("vkCreatePipelineLayout", PFN_vkCreatePipelineLayout.self)
        destroyPipelineLayout = try d("vkDestroyPipelineLayout", PFN_vkDestroyPipelineLayout.self)
        createShaderModule = try d("vkCreateShaderModule", PFN_vkCreateShaderModule.self)
        destroyShaderModule = try d("vkDestroyShaderModule", PFN_vkDestroyShaderModule.self)
        createComputePipelines = try d("vkCreateComputePipelines", PFN_vkCreateComputePipelines.self)
        destroyPipeline = try d("vkDestroyPipeline", PFN_vkDestroyPipeline.self)
        createDescriptorPool = try d("vkCreateDescriptorPool", PFN_vkCreateDescriptorPool.self)
        destroyDescriptorPool = try d("vkDestroyDescriptorPool", PFN_vkDestroyDescriptorPool.self)
        allocateDescriptorSets = try d("vkAllocateDescriptorSets", PFN_vkAllocateDescriptorSets.self)
        updateDescriptorSets = try d("vkUpdateDescriptorSets", PFN_vkUpdateDescriptorSets.self)
        freeCommandBuffers = try d("vkFreeCommandBuffers", PFN_vkFreeCommandBuffers.self)
        resetCommandBuffer = try d("vkResetCommandBuffer", PFN_vkResetCommandBuffer.self)
        cmdBindPipeline = try d("vkCmdBindPipeline", PFN_vkCmdBindPipeline.self)
        cmdBindDescriptorSets = try d("vkCmdBindDescriptorSets", PFN_vkCmdBindDescriptorSets.self)
        cmdPushConstants = try d("vkCmdPushConstants", PFN_vkCmdPushConstants.self)
        cmdDispatch = try d("vkCmdDispatch", PFN_vkCmdDispatch.self)
        cmdBlitImage = try d("vkCmdBlitImage", PFN_vkCmdBlitImage.self)
        createRenderPass = try d("vkCreateRenderPass", PFN_vkCreateRenderPass.self)
        destroyRenderPass = try d("vkDestroyRenderPass", PFN_vkDestroyRenderPass.self)
        createFramebuffer = try d("vkCreateFramebuffer", PFN_vkCreateFramebuffer.self)
        destroyFramebuffer = try d("vkDestroyFramebuffer", PFN_vkDestroyFramebuffer.self)
        createGraphicsPipelines = try d("vkCreateGraphicsPipelines", PFN_vkCreateGraphicsPipelines.self)
        cmdBeginRenderPass = try d("vkCmdBeginRenderPass", PFN_vkCmdBeginRenderPass.self)
        cmdEndRenderPass = try d("vkCmdEndRenderPass", PFN_vkCmdEndRenderPass.self)
        cmdSetViewport = try d("vkCmdSetViewport", PFN_vkCmdSetViewport.self)
        cmdSetScissor = try d("vkCmdSetScissor", PFN_vkCmdSetScissor.self)
        cmdDraw = try d("vkCmdDraw", PFN_vkCmdDraw.self)
    }
}
