import COpenXR
import XrPerfCore

/// The upscaling pass on one session's device and queue: its pipelines, and
/// a ring of command buffers, each recorded in xrEndFrame with every view's
/// dispatch between two timestamps (the layer GPU time of the frame) and
/// submitted on the app's queue, where the spec lets a layer work inside
/// xrEndFrame.
public final class UpscaleContext: @unchecked Sendable {
    public static let slotCount = 4

    /// The app's Vulkan objects from its graphics binding: the same as the
    /// GPU timer's, which works on the same queue.
    public typealias Binding = GpuFrameTimer.Binding

    let functions: VulkanPassFunctions
    let device: VkDevice
    let physicalDevice: VkPhysicalDevice
    let queue: VkQueue
    let pipelines: UpscalePipelines
    /// The graphics path's render passes and pipelines.
    let drawPipelines: UpscaleDrawPipelines
    /// The focus-inset pass's, made by the first `prepareInset`.
    var insetPipelines: InsetPipelines?
    private var commandPool: VkCommandPool?
    private var queryPool: VkQueryPool?
    /// Where each slot's timestamps are copied for the CPU (nil: untimed).
    private var readback: TimestampReadback?
    /// Why the pass runs untimed on this device, when it does (for the log).
    public private(set) var untimedReason: String?
    private var commands: [VkCommandBuffer?]
    private var fences: [VkFence?]
    /// Submitted and not yet collected, per slot.
    private var pending: [Bool]
    private var timed: [Bool]
    private var slot = 0
    /// Frames submitted so far in the session.
    public private(set) var framesSubmitted: UInt64 = 0
    private var recording = false
    private let timestampPeriod: Float
    /// Whether sRGB sources are read raw through a UNORM view and decoded in
    /// the shader: only on a CPU implementation (lavapipe), where the
    /// sampler's sRGB decode costs more than the whole filter; a GPU decodes
    /// for free in the sampler, and its images keep their single format
    /// (MUTABLE_FORMAT can cost a GPU its framebuffer compression).
    let decodesSRGBInShader: Bool
    private let timestampBits: UInt32

    /// The frame's command buffer between beginFrame and submitFrame, for
    /// work recorded outside this file into the same timed frame (the
    /// reference blit of `xrperf-passbench`).
    var recordingCommand: VkCommandBuffer? { recording ? commands[slot] : nil }

    public init(binding: Binding) throws(PassFailure) {
        guard let getInstanceProcAddr = VulkanLibrary.instanceProcAddr() else { throw .noVulkanLoader }
        let functions: VulkanPassFunctions
        do {
            functions = try VulkanPassFunctions(instance: binding.instance, device: binding.device,
                                                getInstanceProcAddr: getInstanceProcAddr)
        } catch {
            throw .missingFunction(error.name)
        }
        self.functions = functions
        device = binding.device
        physicalDevice = binding.physicalDevice
        var queue: VkQueue?
        functions.device.getDeviceQueue(device, binding.queueFamilyIndex, binding.queueIndex, &queue)
        guard let queue else { throw .unsupported("the app's queue could not be obtained") }
        self.queue = queue

        var properties = VkPhysicalDeviceProperties()
        functions.device.getPhysicalDeviceProperties(physicalDevice, &properties)
        timestampPeriod = properties.limits.timestampPeriod
        decodesSRGBInShader = properties.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU
        var familyCount: UInt32 = 0
        functions.device.getPhysicalDeviceQueueFamilyProperties(physicalDevice, &familyCount, nil)
        var families = [VkQueueFamilyProperties](repeating: VkQueueFamilyProperties(), count: Int(familyCount))
        functions.device.getPhysicalDeviceQueueFamilyProperties(physicalDevice, &familyCount, &families)
        guard binding.queueFamilyIndex < familyCount else { throw .unsupported("queue family \(binding.queueFamilyIndex) does not exist") }
        let family = families[Int(binding.queueFamilyIndex)]
        guard family.queueFlags & VK_QUEUE_COMPUTE_BIT.rawValue != 0 || family.queueFlags & VK_QUEUE_GRAPHICS_BIT.rawValue != 0
        else { throw .unsupported("the app's queue family runs no compute work") }
        timestampBits = family.timestampValidBits

        pipelines = try UpscalePipelines(functions: functions, device: device)
        do throws(PassFailure) {
            drawPipelines = try UpscaleDrawPipelines(functions: functions, device: device, sourceLayout: pipelines.sourceLayout)
        } catch {
            pipelines.destroy()
            throw error
        }
        commands = Array(repeating: nil, count: Self.slotCount)
        fences = Array(repeating: nil, count: Self.slotCount)
        pending = Array(repeating: false, count: Self.slotCount)
        timed = Array(repeating: false, count: Self.slotCount)
        do throws(PassFailure) {
            try createFrameObjects(queueFamilyIndex: binding.queueFamilyIndex)
        } catch {
            destroy()
            throw error
        }
    }

    private func createFrameObjects(queueFamilyIndex: UInt32) throws(PassFailure) {
        var poolInfo = VkCommandPoolCreateInfo()
        poolInfo.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO
        poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT.rawValue
        poolInfo.queueFamilyIndex = queueFamilyIndex
        try check(functions.device.createCommandPool(device, &poolInfo, nil, &commandPool), "vkCreateCommandPool")
        var allocateInfo = VkCommandBufferAllocateInfo()
        allocateInfo.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO
        allocateInfo.commandPool = commandPool
        allocateInfo.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY
        allocateInfo.commandBufferCount = UInt32(Self.slotCount)
        let allocated = commands.withUnsafeMutableBufferPointer {
            functions.device.allocateCommandBuffers(device, &allocateInfo, $0.baseAddress)
        }
        try check(allocated, "vkAllocateCommandBuffers")
        for index in 0..<Self.slotCount {
            var fenceInfo = VkFenceCreateInfo()
            fenceInfo.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO
            try check(functions.device.createFence(device, &fenceInfo, nil, &fences[index]), "vkCreateFence")
        }
        if timestampBits > 0 && timestampPeriod > 0 {
            var queryInfo = VkQueryPoolCreateInfo()
            queryInfo.sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO
            queryInfo.queryType = VK_QUERY_TYPE_TIMESTAMP
            queryInfo.queryCount = UInt32(2 * Self.slotCount)
            try check(functions.device.createQueryPool(device, &queryInfo, nil, &queryPool), "vkCreateQueryPool")
            // Without a readback buffer the pass still runs, untimed.
            do {
                readback = try TimestampReadback(functions: functions.device, device: device, physicalDevice: physicalDevice,
                                                 slots: Self.slotCount)
            } catch {
                untimedReason = error.description
                functions.device.destroyQueryPool(device, queryPool, nil)
                queryPool = nil
            }
        } else {
            untimedReason = "the queue has no timestamps"
        }
    }

    /// Whether the device can read `format` as a sampled image and write it
    /// on `path`: as a colour attachment, or through the storage view.
    public func supports(_ format: UpscaleFormat, path: UpscalePassPath) -> Bool {
        var written = VkFormatProperties()
        let writtenFormat = path == .graphics ? format.vulkanFormat : format.storageViewFormat
        functions.getPhysicalDeviceFormatProperties(physicalDevice, VkFormat(UInt32(writtenFormat)), &written)
        var sampled = VkFormatProperties()
        functions.getPhysicalDeviceFormatProperties(physicalDevice, VkFormat(UInt32(format.vulkanFormat)), &sampled)
        let feature = path == .graphics ? VK_FORMAT_FEATURE_COLOR_ATTACHMENT_BIT : VK_FORMAT_FEATURE_STORAGE_IMAGE_BIT
        return written.optimalTilingFeatures & feature.rawValue != 0
            && sampled.optimalTilingFeatures & VK_FORMAT_FEATURE_SAMPLED_IMAGE_BIT.rawValue != 0
    }

    /// Builds the pipeline a swapchain of `format` needs with `filter` on
    /// `path`: called when the swapchain is set up, so no frame ever
    /// compiles one.
    public func prepare(_ format: UpscaleFormat, filter: ProfileSettings.UpscaleFilter,
                        path: UpscalePassPath) throws(PassFailure) {
        switch path {
        case .compute: try pipelines.prepare(variant(format, filter))
        case .graphics: try drawPipelines.prepare(drawVariant(format, filter))
        }
    }

    func drawVariant(_ format: UpscaleFormat, _ filter: ProfileSettings.UpscaleFilter) -> UpscaleDrawPipelines.Variant {
        UpscaleDrawPipelines.Variant(format: format.vulkanFormat, edge: filter == .edge, decodeSRGB: decodesSRGB(format))
    }

    func variant(_ format: UpscaleFormat, _ filter: ProfileSettings.UpscaleFilter) -> UpscalePipelines.Variant {
        UpscalePipelines.Variant(storageClass: format.storageClass, edge: filter == .edge, encodeSRGB: format.isSRGB,
                                 swapRedBlue: format.swapsRedAndBlue, decodeSRGB: decodesSRGB(format))
    }

    /// Whether the pass reads `format` through its UNORM view and decodes.
    func decodesSRGB(_ format: UpscaleFormat) -> Bool {
        decodesSRGBInShader && format.isSRGB
    }

    // MARK: Frame

    /// Starts recording the frame's command buffer. A slot still in flight
    /// four frames later is waited for (bounded), as a runtime would block.
    public func beginFrame(deliverGpuTime: (Int64?) -> Void) throws(PassFailure) {
        guard !recording, let command = commands[slot], let fence = fences[slot] else { return }
        if pending[slot] {
            var waitFences: VkFence? = fence
            let waited = functions.device.waitForFences(device, 1, &waitFences, VkBool32(VK_TRUE), 1_000_000_000)
            guard waited == VK_SUCCESS else { throw .vulkan("vkWaitForFences", waited) }
            collect(slot, deliverGpuTime)
        }
        var resetFence: VkFence? = fence
        try check(functions.device.resetFences(device, 1, &resetFence), "vkResetFences")
        try check(functions.resetCommandBuffer(command, 0), "vkResetCommandBuffer")
        var begin = VkCommandBufferBeginInfo()
        begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO
        begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT.rawValue
        try check(functions.device.beginCommandBuffer(command, &begin), "vkBeginCommandBuffer")
        recording = true
        if let queryPool {
            functions.device.cmdResetQueryPool(command, queryPool, UInt32(2 * slot), 2)
            // Bottom of pipe: the pass's time starts when the app's work
            // before it on the queue is done, not when it merely started.
            functions.device.cmdWriteTimestamp(command, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, queryPool, UInt32(2 * slot))
        }
    }

    /// Records one view: the app's image `appImage` (layer `sourceLayer`,
    /// rect `source`) upscaled into the runtime's image `runtimeImage`.
    public func upscale(_ images: SubstitutedImages, appImage: Int, sourceLayer: UInt32, source: PixelRect,
                        runtimeImage: Int, targetLayer: UInt32, target: PixelRect,
                        filter: ProfileSettings.UpscaleFilter, sharpness: Double) {
        guard images.path == .compute else {
            draw(images, appImage: appImage, sourceLayer: sourceLayer, source: source, runtimeImage: runtimeImage,
                 targetLayer: targetLayer, target: target, filter: filter, sharpness: sharpness)
            return
        }
        guard recording, let command = commands[slot],
              let app = images.appImage(appImage), let runtime = images.runtimeImage(runtimeImage),
              let pipeline = pipelines.pipeline(for: variant(images.format, filter)) else { return }
        makeReadable(command, app, images)
        barrier(command, runtime, layers: images.arraySize, from: images.runtimeLayout, to: VK_IMAGE_LAYOUT_GENERAL,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: SwapchainImageLayout.access(of: images.runtimeLayout),
                dstStage: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT.rawValue, dstAccess: VK_ACCESS_SHADER_WRITE_BIT.rawValue)
        var constants = UpscalePushConstants(images, sourceLayer: sourceLayer, source: source, targetLayer: targetLayer,
                                             target: target, sharpness: sharpness)
        dispatchBlocks(command, pipeline, layout: pipelines.pipelineLayout,
                       sets: (images.sourceSet(appImage), images.targetSet(runtimeImage)), constants: &constants,
                       width: target.width, height: target.height)
        handBack(command, app: app, images, runtime: runtime, images)
    }

    /// The frame's command buffer while it is recorded.
    var frameCommand: VkCommandBuffer? { recording ? commands[slot] : nil }

    /// Ends and submits the frame's work; returns without waiting.
    public func submitFrame() throws(PassFailure) {
        guard recording, let command = commands[slot], let fence = fences[slot] else { return }
        recording = false
        if let queryPool {
            functions.device.cmdWriteTimestamp(command, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, queryPool, UInt32(2 * slot + 1))
            readback?.record(command, pool: queryPool, slot: slot)
        }
        try check(functions.device.endCommandBuffer(command), "vkEndCommandBuffer")
        try submit(command, fence: fence)
        pending[slot] = true
        timed[slot] = queryPool != nil
        framesSubmitted += 1
        slot = (slot + 1) % Self.slotCount
    }

    /// Hands over the GPU time of every finished frame; never waits.
    public func collectFinished(_ deliver: (Int64?) -> Void) {
        for index in 0..<Self.slotCount where pending[index] {
            guard let fence = fences[index], functions.device.getFenceStatus(device, fence) == VK_SUCCESS else { continue }
            collect(index, deliver)
        }
    }

    private func collect(_ index: Int, _ deliver: (Int64?) -> Void) {
        pending[index] = false
        guard timed[index], let readback else { return }
        let ticks = readback.ticks(slot: index)
        deliver(TimestampMath.nanoseconds(begin: ticks.begin, end: ticks.end, validBits: timestampBits, period: timestampPeriod))
    }

    /// Waits (bounded) until the GPU is done with every frame submitted.
    public func waitIdle() {
        for index in 0..<Self.slotCount where pending[index] {
            var fence: VkFence? = fences[index]
            _ = functions.device.waitForFences(device, 1, &fence, VkBool32(VK_TRUE), 1_000_000_000)
            pending[index] = false
        }
    }

    public func destroy() {
        waitIdle()
        for index in 0..<Self.slotCount { functions.device.destroyFence(device, fences[index], nil) }
        fences = Array(repeating: nil, count: Self.slotCount)
        readback?.destroy()
        readback = nil
        functions.device.destroyQueryPool(device, queryPool, nil)
        functions.device.destroyCommandPool(device, commandPool, nil)
        (queryPool, commandPool) = (nil, nil)
        insetPipelines?.destroy()
        insetPipelines = nil
        drawPipelines.destroy()
        pipelines.destroy()
    }

    /// Moves every array layer: the pass's views span them all, and a view's
    /// layout must hold for each layer it covers. Public for the pass
    /// benchmark's set-up.
    public func barrier(_ command: VkCommandBuffer, _ image: VkImage, layers: UInt32, from: VkImageLayout, to: VkImageLayout,
                 srcStage: VkPipelineStageFlags, srcAccess: VkAccessFlags,
                 dstStage: VkPipelineStageFlags, dstAccess: VkAccessFlags) {
        var barrier = VkImageMemoryBarrier()
        barrier.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER
        barrier.srcAccessMask = srcAccess
        barrier.dstAccessMask = dstAccess
        barrier.oldLayout = from
        barrier.newLayout = to
        barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
        barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED
        barrier.image = image
        barrier.subresourceRange = VkImageSubresourceRange(
            aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, baseMipLevel: 0, levelCount: 1, baseArrayLayer: 0, layerCount: max(layers, 1))
        functions.device.cmdPipelineBarrier(command, srcStage, dstStage, 0, 0, nil, 0, nil, 1, &barrier)
    }

    /// Records and runs commands once, waiting for them: set-up only.
    public func runOnce(_ record: (VkCommandBuffer) -> Void) throws(PassFailure) {
        var allocateInfo = VkCommandBufferAllocateInfo()
        allocateInfo.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO
        allocateInfo.commandPool = commandPool
        allocateInfo.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY
        allocateInfo.commandBufferCount = 1
        var command: VkCommandBuffer?
        try check(functions.device.allocateCommandBuffers(device, &allocateInfo, &command), "vkAllocateCommandBuffers")
        guard let command else { throw .vulkan("vkAllocateCommandBuffers", VK_ERROR_OUT_OF_HOST_MEMORY) }
        defer {
            var buffers: VkCommandBuffer? = command
            functions.freeCommandBuffers(device, commandPool, 1, &buffers)
        }
        var fenceInfo = VkFenceCreateInfo()
        fenceInfo.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO
        var fence: VkFence?
        try check(functions.device.createFence(device, &fenceInfo, nil, &fence), "vkCreateFence")
        defer { functions.device.destroyFence(device, fence, nil) }
        var begin = VkCommandBufferBeginInfo()
        begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO
        begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT.rawValue
        try check(functions.device.beginCommandBuffer(command, &begin), "vkBeginCommandBuffer")
        record(command)
        try check(functions.device.endCommandBuffer(command), "vkEndCommandBuffer")
        try submit(command, fence: fence)
        try check(functions.device.waitForFences(device, 1, &fence, VkBool32(VK_TRUE), 5_000_000_000), "vkWaitForFences")
    }

    /// One command buffer to the app's queue, signalling `fence`.
    private func submit(_ command: VkCommandBuffer, fence: VkFence?) throws(PassFailure) {
        var commandBuffer: VkCommandBuffer? = command
        let result = withUnsafePointer(to: &commandBuffer) { pointer in
            var submit = VkSubmitInfo()
            submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO
            submit.commandBufferCount = 1
            submit.pCommandBuffers = pointer
            return functions.device.queueSubmit(queue, 1, &submit, fence)
        }
        try check(result, "vkQueueSubmit")
    }
}
