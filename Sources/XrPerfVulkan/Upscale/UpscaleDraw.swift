import COpenXR
import XrPerfCore

/// The graphics path of one view (UpscaleDrawPipelines): the app's image
/// made readable to the fragment shader, the runtime's image layer drawn as
/// a colour attachment over a rect, both handed back in the layouts the app
/// and the runtime expect. The upscale draws the view's target rect; the
/// focus inset blends over the periphery the upscale drew just before.
extension UpscaleContext {
    func draw(_ images: SubstitutedImages, appImage: Int, sourceLayer: UInt32, source: PixelRect,
              runtimeImage: Int, targetLayer: UInt32, target: PixelRect,
              filter: ProfileSettings.UpscaleFilter, sharpness: Double) {
        guard let pipeline = drawPipelines.pipeline(for: drawVariant(images.format, filter)) else { return }
        var constants = UpscalePushConstants(images, sourceLayer: sourceLayer, source: source, targetLayer: targetLayer,
                                             target: target, sharpness: sharpness)
        recordDraw(pipeline, source: images, appImage: appImage, target: images, runtimeImage: runtimeImage,
                   targetLayer: targetLayer, area: target, constants: &constants)
    }

    /// InsetPass's `inset` on the graphics path: the covered pixels of
    /// `rect` within `clip` and the image, blended by the pipeline.
    func drawInset(_ focus: SubstitutedImages, appImage: Int, sourceLayer: UInt32, source: PixelRect,
                   over target: SubstitutedImages, runtimeImage: Int, targetLayer: UInt32,
                   rect: InsetRect, clip: PixelRect, blendWidth: Float, sharpness: Float) {
        let image = PixelRect(x: 0, y: 0, width: Int32(clamping: target.runtimeWidth), height: Int32(clamping: target.runtimeHeight))
        guard source.width > 0, source.height > 0, let clipped = clip.intersection(image),
              let region = rect.coveredPixels(within: clipped),
              let pipeline = drawPipelines.pipeline(for: insetDrawVariant(focus: focus.format, target: target.format,
                                                                          sharpen: sharpness > 0)) else { return }
        var constants = InsetPushConstants(source: source, sourceLayer: sourceLayer, region: region, rect: rect,
                                           targetLayer: targetLayer, sharpness: sharpness, blendWidth: blendWidth)
        recordDraw(pipeline, source: focus, appImage: appImage, target: target, runtimeImage: runtimeImage,
                   targetLayer: targetLayer, area: region, constants: &constants)
    }

    private func recordDraw<Constants>(_ pipeline: VkPipeline, source: SubstitutedImages, appImage: Int,
                                       target: SubstitutedImages, runtimeImage: Int, targetLayer: UInt32,
                                       area rect: PixelRect, constants: inout Constants) {
        guard let command = frameCommand, rect.width > 0, rect.height > 0,
              let app = source.appImage(appImage), let runtime = target.runtimeImage(runtimeImage),
              let framebuffer = target.framebuffer(runtimeImage, layer: targetLayer),
              let renderPass = drawPipelines.renderPass(for: target.format.vulkanFormat) else { return }
        let fragmentStage = VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT.rawValue
        let attachmentStage = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT.rawValue
        let attachmentAccess = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT.rawValue | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue
        barrier(command, app, layers: source.arraySize, from: source.appLayout, to: VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: SwapchainImageLayout.access(of: source.appLayout),
                dstStage: fragmentStage, dstAccess: VK_ACCESS_SHADER_READ_BIT.rawValue)
        // An earlier draw of this frame (the periphery under an inset) wrote
        // the image and handed it back with an ALL_COMMANDS second half,
        // which this barrier's first half continues.
        barrier(command, runtime, layers: target.arraySize, from: target.runtimeLayout, to: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: SwapchainImageLayout.access(of: target.runtimeLayout),
                dstStage: attachmentStage, dstAccess: attachmentAccess)

        let area = VkRect2D(offset: VkOffset2D(x: rect.x, y: rect.y),
                            extent: VkExtent2D(width: UInt32(rect.width), height: UInt32(rect.height)))
        var begin = VkRenderPassBeginInfo()
        begin.sType = VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO
        begin.renderPass = renderPass
        begin.framebuffer = framebuffer
        begin.renderArea = area
        functions.cmdBeginRenderPass(command, &begin, VK_SUBPASS_CONTENTS_INLINE)
        functions.cmdBindPipeline(command, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline)
        var set = source.sourceSet(appImage)
        functions.cmdBindDescriptorSets(command, VK_PIPELINE_BIND_POINT_GRAPHICS, drawPipelines.pipelineLayout, 0, 1, &set, 0, nil)
        withUnsafeBytes(of: &constants) { bytes in
            functions.cmdPushConstants(command, drawPipelines.pipelineLayout, VK_SHADER_STAGE_FRAGMENT_BIT.rawValue, 0,
                                       UInt32(bytes.count), bytes.baseAddress)
        }
        var viewport = VkViewport(x: Float(rect.x), y: Float(rect.y), width: Float(rect.width), height: Float(rect.height),
                                  minDepth: 0, maxDepth: 1)
        functions.cmdSetViewport(command, 0, 1, &viewport)
        var scissor = area
        functions.cmdSetScissor(command, 0, 1, &scissor)
        functions.cmdDraw(command, 3, 1, 0, 0)
        functions.cmdEndRenderPass(command)

        barrier(command, app, layers: source.arraySize, from: VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, to: source.appLayout,
                srcStage: fragmentStage, srcAccess: 0,
                dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, dstAccess: SwapchainImageLayout.access(of: source.appLayout))
        barrier(command, runtime, layers: target.arraySize, from: VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, to: target.runtimeLayout,
                srcStage: attachmentStage, srcAccess: VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT.rawValue,
                dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                dstAccess: SwapchainImageLayout.access(of: target.runtimeLayout) | VK_ACCESS_SHADER_READ_BIT.rawValue)
    }
}
