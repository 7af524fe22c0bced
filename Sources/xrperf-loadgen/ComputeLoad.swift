import COpenXR

/// The GPU load: a compute pass per eye writing the test pattern into the
/// eye's layer of its acquired swapchain image, either as a storage image or
/// through a staging image and a copy (--write). Everything is created up
/// front (descriptor sets, staging images, a small ring of command buffers),
/// so a frame only records and submits. With --frame-log each frame's
/// command buffer also carries the app's own timestamps (FrameTimestamps).
final class ComputeLoad {
    /// Frames the GPU may be behind. Two keeps the queue fed while the
    /// layer's ring of timestamp slots (4) is always free again when reused.
    static let framesInFlight = 2

    private let device: VkDevice
    private let queue: VkQueue
    private let pipeline: LoadPipeline
    private let storage: StorageTargets
    private var commandPool: VkCommandPool?
    private var commandBuffers: [VkCommandBuffer?] = []
    private var fences: [VkFence?] = []
    private var slot = 0
    /// --frame-log on a queue that writes timestamps; nil otherwise, and the
    /// command buffers are what they were without it.
    private var timestamps: FrameTimestamps?

    init(vulkan: VulkanDevice, targets: RenderTargets, timed: Bool = false) throws(LoadgenError) {
        device = vulkan.device
        queue = vulkan.queue
        pipeline = try LoadPipeline(device: vulkan.device)
        do throws(LoadgenError) {
            storage = try StorageTargets(vulkan: vulkan, targets: targets, setLayout: pipeline.setLayout)
        } catch {
            pipeline.destroy()
            throw error
        }
        do throws(LoadgenError) {
            try createCommandRing(queueFamilyIndex: vulkan.queueFamilyIndex)
            if timed && vulkan.timestampValidBits > 0 {
                timestamps = try FrameTimestamps(vulkan: vulkan, slots: Self.framesInFlight)
            }
        } catch {
            destroy()
            throw error
        }
    }

    /// Waits until the ring's next command buffer is free (the GPU is at most
    /// `framesInFlight` frames behind). Call before xrBeginFrame so that the
    /// layer's begin timestamp does not queue behind older frames' work.
    /// Returns the GPU time of the frame that used the slot last, when timed
    /// and not read yet.
    func waitForFreeSlot() throws(LoadgenError) -> FrameTimestamps.Measurement? {
        try vkCheck(vkWaitForFences(device, 1, &fences[slot], VK_TRUE, UInt64.max), "vkWaitForFences")
        return try timestamps?.read(slot: slot)
    }

    /// Waits for every frame still on the GPU and hands over the GPU times
    /// not read yet (at the end of the run, before the frame log is written).
    func finish(_ measured: (FrameTimestamps.Measurement) -> Void) throws(LoadgenError) {
        for index in 0..<Self.framesInFlight {
            // Oldest first: the slot the ring reuses next was submitted first.
            let next = (slot + index) % Self.framesInFlight
            try vkCheck(vkWaitForFences(device, 1, &fences[next], VK_TRUE, UInt64.max), "vkWaitForFences")
            if let measurement = try timestamps?.read(slot: next) { measured(measurement) }
        }
    }

    /// Records and submits this frame's pass for each eye; `imageIndices` are
    /// the acquired images, per swapchain of `targets`; `frame` is the
    /// frame's index in submit order.
    func submit(targets: RenderTargets, imageIndices: [UInt32], load: FrameLoad, pattern: TestPattern,
                frame: UInt64) throws(LoadgenError) {
        let commands = commandBuffers[slot]
        try vkCheck(vkResetFences(device, 1, &fences[slot]), "vkResetFences")
        try vkCheck(vkResetCommandBuffer(commands, 0), "vkResetCommandBuffer")
        var begin = VkCommandBufferBeginInfo()
        begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO
        begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT.rawValue
        try vkCheck(vkBeginCommandBuffer(commands, &begin), "vkBeginCommandBuffer")
        timestamps?.recordStart(commands, slot: slot)
        vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.pipeline)
        for (eye, target) in targets.eyes.enumerated() {
            let imageIndex = Int(imageIndices[target.swapchainIndex])
            let image = targets.swapchains[target.swapchainIndex].images[imageIndex]
            var set = storage.descriptorSet(eye: eye, imageIndex: imageIndex)
            vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.layout, 0, 1, &set, 0, nil)
            // Written in place, the rect sits at its offset; staged, at the staging image's origin.
            let inPlace = targets.write != .copy
            var constants = LoadPushConstants(
                originX: inPlace ? target.renderRect.offset.x : 0, originY: inPlace ? target.renderRect.offset.y : 0,
                width: target.renderRect.extent.width, height: target.renderRect.extent.height,
                iterations: load.gpuIterations, pattern: pattern.shaderValue,
                frame: UInt32(truncatingIfNeeded: frame), eye: UInt32(eye),
                channelOrder: targets.format.isBGRA ? 1 : 0)
            if inPlace {
                recordInPlace(commands, image, target, &constants)
            } else {
                recordStaged(commands, image, target, storage.staging[eye].image, &constants)
            }
        }
        timestamps?.recordEnd(commands, slot: slot, frame: frame)
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
        timestamps?.destroy()
        timestamps = nil
        storage.destroy()
        pipeline.destroy()
    }

    // MARK: - Recording

    private func dispatch(_ commands: VkCommandBuffer?, _ constants: inout LoadPushConstants) {
        vkCmdPushConstants(commands, pipeline.layout, VK_SHADER_STAGE_COMPUTE_BIT.rawValue, 0,
                           UInt32(MemoryLayout<LoadPushConstants>.size), &constants)
        vkCmdDispatch(commands, (UInt32(constants.width) + 7) / 8, (UInt32(constants.height) + 7) / 8, 1)
    }

    /// The swapchain layer is the storage image. The runtime hands images over
    /// in COLOR_ATTACHMENT_OPTIMAL and takes them back in it (XR_KHR_vulkan_enable);
    /// storage writes need GENERAL.
    private func recordInPlace(_ commands: VkCommandBuffer?, _ image: VkImage, _ target: EyeTarget,
                               _ constants: inout LoadPushConstants) {
        recordBarrier(commands, image, layer: target.arrayIndex,
                      from: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, to: VK_IMAGE_LAYOUT_GENERAL,
                      after: VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue,
                      before: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_ACCESS_SHADER_WRITE_BIT.rawValue)
        dispatch(commands, &constants)
        recordBarrier(commands, image, layer: target.arrayIndex,
                      from: VK_IMAGE_LAYOUT_GENERAL, to: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                      after: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_ACCESS_SHADER_WRITE_BIT.rawValue,
                      before: VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                      VK_ACCESS_COLOR_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue)
    }

    /// The pass writes the staging image, then a copy moves its bytes
    /// unconverted into the swapchain layer at the rect's offset.
    private func recordStaged(_ commands: VkCommandBuffer?, _ image: VkImage, _ target: EyeTarget,
                              _ staging: VkImage?, _ constants: inout LoadPushConstants) {
        // UNDEFINED: the old contents are all overwritten. The previous frame's
        // copy out of it, maybe still running, must finish first.
        recordBarrier(commands, staging, layer: 0, from: VK_IMAGE_LAYOUT_UNDEFINED, to: VK_IMAGE_LAYOUT_GENERAL,
                      after: VK_PIPELINE_STAGE_TRANSFER_BIT, 0,
                      before: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_ACCESS_SHADER_WRITE_BIT.rawValue)
        dispatch(commands, &constants)
        recordBarrier(commands, staging, layer: 0, from: VK_IMAGE_LAYOUT_GENERAL, to: VK_IMAGE_LAYOUT_GENERAL,
                      after: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_ACCESS_SHADER_WRITE_BIT.rawValue,
                      before: VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_READ_BIT.rawValue)
        recordBarrier(commands, image, layer: target.arrayIndex,
                      from: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, to: VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                      after: VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue,
                      before: VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT.rawValue)
        let layers = { (layer: UInt32) in
            VkImageSubresourceLayers(aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, mipLevel: 0,
                                     baseArrayLayer: layer, layerCount: 1)
        }
        var region = VkImageCopy(
            srcSubresource: layers(0), srcOffset: VkOffset3D(x: 0, y: 0, z: 0),
            dstSubresource: layers(target.arrayIndex),
            dstOffset: VkOffset3D(x: target.renderRect.offset.x, y: target.renderRect.offset.y, z: 0),
            extent: VkExtent3D(width: UInt32(target.renderRect.extent.width), height: UInt32(target.renderRect.extent.height), depth: 1))
        vkCmdCopyImage(commands, staging, VK_IMAGE_LAYOUT_GENERAL, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region)
        recordBarrier(commands, image, layer: target.arrayIndex,
                      from: VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, to: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                      after: VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT.rawValue,
                      before: VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                      VK_ACCESS_COLOR_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue)
    }

    // MARK: - Setup

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
}
