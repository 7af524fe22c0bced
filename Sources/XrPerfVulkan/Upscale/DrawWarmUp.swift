import COpenXR
import XrPerfCore

/// Drivers may finish building a graphics pipeline at its first draw
/// (lavapipe does: the first graphics pass of a session took 11.2 ms at
/// 2 x 256x256 where the next took 2.4), and a first frame that slow makes the
/// controller drop the edge filter for a pass that fits. So when a swapchain
/// is set up on the graphics path, every graphics pipeline of its format is
/// drawn once, from the swapchain's first app image into a 4x4 scratch
/// image of the same format, and waited for: no frame pays for it.
extension UpscaleContext {
    func warmUpDraws(_ images: SubstitutedImages) throws(PassFailure) {
        let pipelines = drawPipelines.pipelines(for: images.format.vulkanFormat)
        guard !pipelines.isEmpty, let renderPass = drawPipelines.renderPass(for: images.format.vulkanFormat),
              let app = images.appImage(0) else { return }
        let scratch = try ScratchTarget(self, format: images.format.vulkanFormat, renderPass: renderPass)
        defer { scratch.destroy(self) }
        // The whole push constant range, set (the upscale's first fields: a
        // 1x1 source over the scratch; the inset reads a weight of 0 and
        // discards).
        var upscale = UpscalePushConstants()
        (upscale.sourceWidth, upscale.sourceHeight) = (1, 1)
        (upscale.targetWidth, upscale.targetHeight) = (ScratchTarget.size, ScratchTarget.size)
        var constants = [UInt8](repeating: 0, count: UpscaleDrawPipelines.pushConstantSize)
        withUnsafeBytes(of: &upscale) { bytes in constants.replaceSubrange(0..<bytes.count, with: bytes) }
        try runOnce { command in
            barrier(command, app, layers: images.arraySize, from: images.appLayout, to: VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                    srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: SwapchainImageLayout.access(of: images.appLayout),
                    dstStage: VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT.rawValue, dstAccess: VK_ACCESS_SHADER_READ_BIT.rawValue)
            barrier(command, scratch.image!, layers: 1, from: VK_IMAGE_LAYOUT_UNDEFINED, to: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                    srcStage: VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT.rawValue, srcAccess: 0,
                    dstStage: VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT.rawValue,
                    dstAccess: VK_ACCESS_COLOR_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue)
            let area = VkRect2D(offset: VkOffset2D(x: 0, y: 0),
                                extent: VkExtent2D(width: UInt32(ScratchTarget.size), height: UInt32(ScratchTarget.size)))
            var begin = VkRenderPassBeginInfo()
            begin.sType = VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO
            begin.renderPass = renderPass
            begin.framebuffer = scratch.framebuffer
            begin.renderArea = area
            functions.cmdBeginRenderPass(command, &begin, VK_SUBPASS_CONTENTS_INLINE)
            var set = images.sourceSet(0)
            functions.cmdBindDescriptorSets(command, VK_PIPELINE_BIND_POINT_GRAPHICS, drawPipelines.pipelineLayout, 0, 1, &set, 0, nil)
            var viewport = VkViewport(x: 0, y: 0, width: Float(ScratchTarget.size), height: Float(ScratchTarget.size),
                                      minDepth: 0, maxDepth: 1)
            functions.cmdSetViewport(command, 0, 1, &viewport)
            var scissor = area
            functions.cmdSetScissor(command, 0, 1, &scissor)
            constants.withUnsafeBytes { bytes in
                functions.cmdPushConstants(command, drawPipelines.pipelineLayout, VK_SHADER_STAGE_FRAGMENT_BIT.rawValue, 0,
                                           UInt32(bytes.count), bytes.baseAddress)
            }
            for pipeline in pipelines {
                functions.cmdBindPipeline(command, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline)
                functions.cmdDraw(command, 3, 1, 0, 0)
            }
            functions.cmdEndRenderPass(command)
            barrier(command, app, layers: images.arraySize, from: VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, to: images.appLayout,
                    srcStage: VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT.rawValue, srcAccess: 0,
                    dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, dstAccess: SwapchainImageLayout.access(of: images.appLayout))
        }
    }
}

/// A 4x4 colour attachment of one format with its view and framebuffer.
private struct ScratchTarget {
    static let size: Int32 = 4
    var image: VkImage?
    var memory: VkDeviceMemory?
    var view: VkImageView?
    var framebuffer: VkFramebuffer?

    init(_ context: UpscaleContext, format: Int64, renderPass: VkRenderPass) throws(PassFailure) {
        let functions = context.functions, device = context.device
        do throws(PassFailure) {
            var info = VkImageCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO
            info.imageType = VK_IMAGE_TYPE_2D
            info.format = VkFormat(UInt32(format))
            info.extent = VkExtent3D(width: UInt32(Self.size), height: UInt32(Self.size), depth: 1)
            info.mipLevels = 1
            info.arrayLayers = 1
            info.samples = VK_SAMPLE_COUNT_1_BIT
            info.tiling = VK_IMAGE_TILING_OPTIMAL
            info.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT.rawValue
            info.sharingMode = VK_SHARING_MODE_EXCLUSIVE
            info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED
            try check(functions.createImage(device, &info, nil, &image), "vkCreateImage")
            var requirements = VkMemoryRequirements()
            functions.getImageMemoryRequirements(device, image, &requirements)
            guard let type = functions.device.memoryTypeIndex(context.physicalDevice, allowed: requirements.memoryTypeBits, flags: 0)
            else { throw .unsupported("no memory type for the warm-up image") }
            var allocation = VkMemoryAllocateInfo()
            allocation.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO
            allocation.allocationSize = requirements.size
            allocation.memoryTypeIndex = type
            try check(functions.device.allocateMemory(device, &allocation, nil, &memory), "vkAllocateMemory")
            try check(functions.bindImageMemory(device, image, memory, 0), "vkBindImageMemory")
            var viewInfo = VkImageViewCreateInfo()
            viewInfo.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO
            viewInfo.image = image
            viewInfo.viewType = VK_IMAGE_VIEW_TYPE_2D
            viewInfo.format = VkFormat(UInt32(format))
            viewInfo.subresourceRange = VkImageSubresourceRange(
                aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, baseMipLevel: 0, levelCount: 1, baseArrayLayer: 0, layerCount: 1)
            try check(functions.createImageView(device, &viewInfo, nil, &view), "vkCreateImageView")
            framebuffer = try functions.makeFramebuffer(device, renderPass: renderPass, view: view,
                                                        width: UInt32(Self.size), height: UInt32(Self.size))
        } catch {
            destroy(context)
            throw error
        }
    }

    func destroy(_ context: UpscaleContext) {
        let functions = context.functions, device = context.device
        functions.destroyFramebuffer(device, framebuffer, nil)
        functions.destroyImageView(device, view, nil)
        functions.destroyImage(device, image, nil)
        functions.device.freeMemory(device, memory, nil)
    }
}
