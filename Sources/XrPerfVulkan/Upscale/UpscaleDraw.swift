import COpenXR
import XrPerfCore

/// The graphics path of one view (UpscaleDrawPipelines): the app's image
/// made readable to the fragment shader, the runtime's image layer drawn as
/// a colour attachment over the target rect, both handed back in the layouts
/// the app and the runtime expect.
extension UpscaleContext {
    func draw(_ images: SubstitutedImages, appImage: Int, sourceLayer: UInt32, source: PixelRect,
              runtimeImage: Int, targetLayer: UInt32, target: PixelRect,
              filter: ProfileSettings.UpscaleFilter, sharpness: Double) {
        guard let command = frameCommand,
              let app = images.appImage(appImage), let runtime = images.runtimeImage(runtimeImage),
              let framebuffer = images.framebuffer(runtimeImage, layer: targetLayer),
              let renderPass = drawPipelines.renderPass(for: images.format.vulkanFormat),
              let pipeline = drawPipelines.pipeline(for: drawVariant(images.format, filter)) else { return }
        let fragmentStage = VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT.rawValue
        let attachmentStage = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT.rawValue
        let attachmentAccess = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue
        barrier(command, app, layers: images.arraySize, from: images.appLayout, to: VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: SwapchainImageLayout.access(of: images.appLayout),
                dstStage: fragmentStage, dstAccess: VK_ACCESS_SHADER_READ_BIT.rawValue)
        barrier(command, runtime, layers: images.arraySize, from: images.runtimeLayout, to: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: SwapchainImageLayout.access(of: images.runtimeLayout),
                dstStage: attachmentStage, dstAccess: attachmentAccess)

        let area = VkRect2D(offset: VkOffset2D(x: target.x, y: target.y),
                            extent: VkExtent2D(width: UInt32(max(target.width, 1)), height: UInt32(max(target.height, 1))))
        var begin = VkRenderPassBeginInfo()
        begin.sType = VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO
        begin.renderPass = renderPass
        begin.framebuffer = framebuffer
        begin.renderArea = area
        functions.cmdBeginRenderPass(command, &begin, VK_SUBPASS_CONTENTS_INLINE)
        functions.cmdBindPipeline(command, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline)
        var set = images.sourceSet(appImage)
        functions.cmdBindDescriptorSets(command, VK_PIPELINE_BIND_POINT_GRAPHICS, drawPipelines.pipelineLayout, 0, 1, &set, 0, nil)
        var constants = UpscalePushConstants(images, sourceLayer: sourceLayer, source: source, targetLayer: targetLayer,
                                             target: target, sharpness: sharpness)
        withUnsafeBytes(of: &constants) { bytes in
            functions.cmdPushConstants(command, drawPipelines.pipelineLayout, VK_SHADER_STAGE_FRAGMENT_BIT.rawValue, 0,
                                       UInt32(bytes.count), bytes.baseAddress)
        }
        var viewport = VkViewport(x: Float(target.x), y: Float(target.y), width: Float(area.extent.width),
                                  height: Float(area.extent.height), minDepth: 0, maxDepth: 1)
        functions.cmdSetViewport(command, 0, 1, &viewport)
        var scissor = area
        functions.cmdSetScissor(command, 0, 1, &scissor)
        functions.cmdDraw(command, 3, 1, 0, 0)
        functions.cmdEndRenderPass(command)

        barrier(command, app, layers: images.arraySize, from: VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, to: images.appLayout,
                srcStage: fragmentStage, srcAccess: 0,
                dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, dstAccess: SwapchainImageLayout.access(of: images.appLayout))
        barrier(command, runtime, layers: images.arraySize, from: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, to: images.runtimeLayout,
                srcStage: attachmentStage, srcAccess: VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue,
                dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                dstAccess: SwapchainImageLayout.access(of: images.runtimeLayout) | VK_ACCESS_SHADER_READ_BIT.rawValue)
    }
}
