import COpenXR

/// Push constants of Shaders/LoadPattern.comp (same order, 32 bytes).
struct LoadPushConstants {
    var originX: Int32
    var originY: Int32
    var width: Int32
    var height: Int32
    var iterations: UInt32
    var pattern: UInt32
    var frame: UInt32
    var eye: UInt32
}

/// The GPU load: a compute pass per eye writing the test pattern straight
/// into the swapchain image as a storage image. Everything is created up
/// front (a descriptor set per swapchain image, a small ring of command
/// buffers), so a frame only records and submits.
final class ComputeLoad {
    /// Frames the GPU may be behind. Two keeps the queue fed while the
    /// layer's ring of timestamp slots (4) is always free again when reused.
    static let framesInFlight = 2

    private let device: VkDevice
    private let queue: VkQueue
    private var shaderModule: VkShaderModule?
    private var setLayout: VkDescriptorSetLayout?
    private var pipelineLayout: VkPipelineLayout?
    private var pipeline: VkPipeline?
    private var descriptorPool: VkDescriptorPool?
    private var commandPool: VkCommandPool?
    private var imageViews: [VkImageView?] = []
    /// Per eye, per swapchain image.
    private var descriptorSets: [[VkDescriptorSet?]] = []
    private var commandBuffers: [VkCommandBuffer?] = []
    private var fences: [VkFence?] = []
    private var slot = 0

    init(vulkan: VulkanDevice, eyes: [EyeSwapchain]) throws(LoadgenError) {
        device = vulkan.device
        queue = vulkan.queue
        do throws(LoadgenError) {
            try createPipeline()
            try createDescriptors(eyes: eyes)
            try createCommandRing(queueFamilyIndex: vulkan.queueFamilyIndex)
        } catch {
            destroy()
            throw error
        }
    }

    /// Waits until the ring's next command buffer is free (the GPU is at most
    /// `framesInFlight` frames behind). Call before xrBeginFrame so that the
    /// layer's begin timestamp does not queue behind older frames' work.
    func waitForFreeSlot() throws(LoadgenError) {
        try vkCheck(vkWaitForFences(device, 1, &fences[slot], VK_TRUE, UInt64.max), "vkWaitForFences")
    }

    /// Records and submits this frame's pass over each eye's acquired image.
    func submit(eyes: [EyeSwapchain], imageIndices: [UInt32], load: FrameLoad, pattern: TestPattern,
                frame: UInt64) throws(LoadgenError) {
        let commands = commandBuffers[slot]
        try vkCheck(vkResetFences(device, 1, &fences[slot]), "vkResetFences")
        try vkCheck(vkResetCommandBuffer(commands, 0), "vkResetCommandBuffer")
        var begin = VkCommandBufferBeginInfo()
        begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO
        begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT.rawValue
        try vkCheck(vkBeginCommandBuffer(commands, &begin), "vkBeginCommandBuffer")
        vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline)
        for (eye, swapchain) in eyes.enumerated() {
            let imageIndex = Int(imageIndices[eye])
            let image = swapchain.images[imageIndex]
            // The runtime hands images over in COLOR_ATTACHMENT_OPTIMAL and
            // takes them back in it (XR_KHR_vulkan_enable); storage writes need GENERAL.
            transition(commands, image, from: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, to: VK_IMAGE_LAYOUT_GENERAL,
                       sourceStage: VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                       sourceAccess: VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue,
                       destinationStage: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                       destinationAccess: VK_ACCESS_SHADER_WRITE_BIT.rawValue)
            vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_COMPUTE, pipelineLayout, 0, 1,
                                    &descriptorSets[eye][imageIndex], 0, nil)
            var constants = LoadPushConstants(
                originX: swapchain.rect.offset.x, originY: swapchain.rect.offset.y,
                width: swapchain.rect.extent.width, height: swapchain.rect.extent.height,
                iterations: load.gpuIterations, pattern: pattern.shaderValue,
                frame: UInt32(truncatingIfNeeded: frame), eye: UInt32(eye))
            vkCmdPushConstants(commands, pipelineLayout, VK_SHADER_STAGE_COMPUTE_BIT.rawValue, 0,
                               UInt32(MemoryLayout<LoadPushConstants>.size), &constants)
            vkCmdDispatch(commands, (UInt32(swapchain.rect.extent.width) + 7) / 8,
                          (UInt32(swapchain.rect.extent.height) + 7) / 8, 1)
            transition(commands, image, from: VK_IMAGE_LAYOUT_GENERAL, to: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                       sourceStage: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                       sourceAccess: VK_ACCESS_SHADER_WRITE_BIT.rawValue,
                       destinationStage: VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                       destinationAccess: VK_ACCESS_COLOR_ATTACHMENT_READ_BIT.rawValue
                           | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue)
        }
        try vkCheck(vkEndCommandBuffer(commands), "vkEndCommandBuffer")
        var submit = VkSubmitInfo()
        submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO
        submit.commandBufferCount = 1
        let result = withUnsafePointer(to: commands) { commands in
            submit.pCommandBuffers = commands
            return vkQueueSubmit(queue, 1, &submit, fences[slot])
        }
        try vkCheck(result, "vkQueueSubmit")
        slot = (slot + 1) % Self.framesInFlight
    }

    /// Waits for the GPU, then frees everything (before the swapchains go).
    func destroy() {
        vkDeviceWaitIdle(device)
        for fence in fences { vkDestroyFence(device, fence, nil) }
        fences = []
        if let commandPool { vkDestroyCommandPool(device, commandPool, nil) }
        commandPool = nil
        commandBuffers = []
        if let descriptorPool { vkDestroyDescriptorPool(device, descriptorPool, nil) }
        descriptorPool = nil
        descriptorSets = []
        for view in imageViews { vkDestroyImageView(device, view, nil) }
        imageViews = []
        if let pipeline { vkDestroyPipeline(device, pipeline, nil) }
        pipeline = nil
        if let pipelineLayout { vkDestroyPipelineLayout(device, pipelineLayout, nil) }
        pipelineLayout = nil
        if let setLayout { vkDestroyDescriptorSetLayout(device, setLayout, nil) }
        setLayout = nil
        if let shaderModule { vkDestroyShaderModule(device, shaderModule, nil) }
        shaderModule = nil
    }

    // MARK: - Setup

    private func createPipeline() throws(LoadgenError) {
        let words = LoadPatternSPIRV.words
        let moduleResult = words.withUnsafeBufferPointer { code in
            var info = VkShaderModuleCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO
            info.codeSize = code.count * MemoryLayout<UInt32>.size
            info.pCode = code.baseAddress
            return vkCreateShaderModule(device, &info, nil, &shaderModule)
        }
        try vkCheck(moduleResult, "vkCreateShaderModule")

        var binding = VkDescriptorSetLayoutBinding()
        binding.binding = 0
        binding.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_IMAGE
        binding.descriptorCount = 1
        binding.stageFlags = VK_SHADER_STAGE_COMPUTE_BIT.rawValue
        let setLayoutResult = withUnsafePointer(to: &binding) { binding in
            var info = VkDescriptorSetLayoutCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO
            info.bindingCount = 1
            info.pBindings = binding
            return vkCreateDescriptorSetLayout(device, &info, nil, &setLayout)
        }
        try vkCheck(setLayoutResult, "vkCreateDescriptorSetLayout")

        var range = VkPushConstantRange(stageFlags: VK_SHADER_STAGE_COMPUTE_BIT.rawValue, offset: 0,
                                        size: UInt32(MemoryLayout<LoadPushConstants>.size))
        let layoutResult = withUnsafePointer(to: &range) { range in
            withUnsafePointer(to: setLayout) { setLayout in
                var info = VkPipelineLayoutCreateInfo()
                info.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO
                info.setLayoutCount = 1
                info.pSetLayouts = setLayout
                info.pushConstantRangeCount = 1
                info.pPushConstantRanges = range
                return vkCreatePipelineLayout(device, &info, nil, &pipelineLayout)
            }
        }
        try vkCheck(layoutResult, "vkCreatePipelineLayout")

        let pipelineResult = "main".withCString { entry in
            var info = VkComputePipelineCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO
            info.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO
            info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT
            info.stage.module = shaderModule
            info.stage.pName = entry
            info.layout = pipelineLayout
            return vkCreateComputePipelines(device, nil, 1, &info, nil, &pipeline)
        }
        try vkCheck(pipelineResult, "vkCreateComputePipelines")
    }

    private func createDescriptors(eyes: [EyeSwapchain]) throws(LoadgenError) {
        let total = UInt32(eyes.reduce(0) { $0 + $1.images.count })
        var size = VkDescriptorPoolSize(type: VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, descriptorCount: total)
        let poolResult = withUnsafePointer(to: &size) { size in
            var info = VkDescriptorPoolCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO
            info.maxSets = total
            info.poolSizeCount = 1
            info.pPoolSizes = size
            return vkCreateDescriptorPool(device, &info, nil, &descriptorPool)
        }
        try vkCheck(poolResult, "vkCreateDescriptorPool")

        for eye in eyes {
            var sets: [VkDescriptorSet?] = []
            for image in eye.images {
                var viewInfo = VkImageViewCreateInfo()
                viewInfo.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO
                viewInfo.image = image
                viewInfo.viewType = VK_IMAGE_VIEW_TYPE_2D
                viewInfo.format = EyeSwapchain.format
                viewInfo.subresourceRange = Self.colorRange
                var view: VkImageView?
                try vkCheck(vkCreateImageView(device, &viewInfo, nil, &view), "vkCreateImageView")
                imageViews.append(view)

                var set: VkDescriptorSet?
                let allocateResult = withUnsafePointer(to: setLayout) { setLayout in
                    var info = VkDescriptorSetAllocateInfo()
                    info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO
                    info.descriptorPool = descriptorPool
                    info.descriptorSetCount = 1
                    info.pSetLayouts = setLayout
                    return vkAllocateDescriptorSets(device, &info, &set)
                }
                try vkCheck(allocateResult, "vkAllocateDescriptorSets")
                var imageInfo = VkDescriptorImageInfo(sampler: nil, imageView: view, imageLayout: VK_IMAGE_LAYOUT_GENERAL)
                withUnsafePointer(to: &imageInfo) { imageInfo in
                    var write = VkWriteDescriptorSet()
                    write.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET
                    write.dstSet = set
                    write.dstBinding = 0
                    write.descriptorCount = 1
                    write.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_IMAGE
                    write.pImageInfo = imageInfo
                    vkUpdateDescriptorSets(device, 1, &write, 0, nil)
                }
                sets.append(set)
            }
            descriptorSets.append(sets)
        }
    }

    private func createCommandRing(queueFamilyIndex: UInt32) throws(LoadgenError) {
        var poolInfo = VkCommandPoolCreateInfo()
        poolInfo.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO
        poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT.rawValue
        poolInfo.queueFamilyIndex = queueFamilyIndex
        try vkCheck(vkCreateCommandPool(device, &poolInfo, nil, &commandPool), "vkCreateCommandPool")

        var allocateInfo = VkCommandBufferAllocateInfo()
        allocateInfo.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO
        allocateInfo.commandPool = commandPool
        allocateInfo.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY
        allocateInfo.commandBufferCount = UInt32(Self.framesInFlight)
        commandBuffers = Array(repeating: nil, count: Self.framesInFlight)
        try vkCheck(vkAllocateCommandBuffers(device, &allocateInfo, &commandBuffers), "vkAllocateCommandBuffers")

        for _ in 0..<Self.framesInFlight {
            // Signalled, so the first wait on each slot returns at once.
            var fenceInfo = VkFenceCreateInfo()
            fenceInfo.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO
            fenceInfo.flags = VK_FENCE_CREATE_SIGNALED_BIT.rawValue
            var fence: VkFence?
            try vkCheck(vkCreateFence(device, &fenceInfo, nil, &fence), "vkCreateFence")
            fences.append(fence)
        }
    }

    private static let colorRange = VkImageSubresourceRange(
        aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, baseMipLevel: 0, levelCount: 1, baseArrayLayer: 0, layerCount: 1)

    private func transition(_ commands: VkCommandBuffer?, _ image: VkImage, from: VkImageLayout, to: VkImageLayout,
                            sourceStage: VkPipelineStageFlagBits, sourceAccess: VkAccessFlags,
                            destinationStage: VkPipelineStageFlagBits, destinationAccess: VkAccessFlags) {
        var barrier = VkImageMemoryBarrier()
        barrier.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER
        barrier.srcAccessMask = sourceAccess
        barrier.dstAccessMask = destinationAccess
        barrier.oldLayout = from
        barrier.newLayout = to
        barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
        barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
        barrier.image = image
        barrier.subresourceRange = Self.colorRange
        vkCmdPipelineBarrier(commands, sourceStage.rawValue, destinationStage.rawValue, 0, 0, nil, 0, nil, 1, &barrier)
    }
}
