import COpenXR
import XrPerfCore

extension UpscaleContext {
    /// Builds the inset pipelines for a focus swapchain of `focus` drawn
    /// over runtime images of `target`, with and without sharpening (the
    /// profile may change the sharpness live): called when the swapchain is
    /// set up, so no frame ever compiles one.
    public func prepareInset(focus: UpscaleFormat, target: UpscaleFormat, path: UpscalePassPath) throws(PassFailure) {
        if path == .graphics {
            for sharpen in [false, true] {
                try drawPipelines.prepare(insetDrawVariant(focus: focus, target: target, sharpen: sharpen))
            }
            return
        }
        let pipelines: InsetPipelines
        if let existing = insetPipelines {
            pipelines = existing
        } else {
            pipelines = try InsetPipelines(upscale: self.pipelines)
            insetPipelines = pipelines
        }
        for sharpen in [false, true] {
            for fallback in [false, true] {
                try pipelines.prepare(insetVariant(focus: focus, target: target, sharpen: sharpen, perPixelFallback: fallback))
            }
        }
    }

    func insetVariant(focus: UpscaleFormat, target: UpscaleFormat, sharpen: Bool,
                      perPixelFallback: Bool) -> UpscalePipelines.Variant {
        UpscalePipelines.Variant(storageClass: target.storageClass, edge: sharpen, encodeSRGB: target.isSRGB,
                                 swapRedBlue: target.swapsRedAndBlue, decodeSRGB: decodesSRGB(focus),
                                 perPixelFallback: perPixelFallback)
    }

    func insetDrawVariant(focus: UpscaleFormat, target: UpscaleFormat, sharpen: Bool) -> UpscaleDrawPipelines.Variant {
        UpscaleDrawPipelines.Variant(shader: .inset, format: target.vulkanFormat, edge: sharpen, decodeSRGB: decodesSRGB(focus))
    }

    /// Draws a focus view over an eye's runtime image already written by
    /// `upscale` in this frame: the focus app image `appImage` (layer
    /// `sourceLayer`, rect `source`) stretched over `rect` of runtime image
    /// `runtimeImage` (layer `targetLayer`), blended across `blendWidth`
    /// pixels inside its edges and sharpened by `sharpness` (0: not), only
    /// within `clip` (the eye's rect: a runtime image may hold both eyes) and
    /// the image. Records nothing when no pixel is covered or
    /// `prepareInset` has not built the pipeline.
    public func inset(_ focus: SubstitutedImages, appImage: Int, sourceLayer: UInt32, source: PixelRect,
                      over target: SubstitutedImages, runtimeImage: Int, targetLayer: UInt32,
                      rect: InsetRect, clip: PixelRect, blendWidth: Float, sharpness: Double) {
        let amount = Float(min(max(sharpness.isNaN ? 0 : sharpness, 0), 1))
        guard target.path == .compute else {
            drawInset(focus, appImage: appImage, sourceLayer: sourceLayer, source: source, over: target, runtimeImage: runtimeImage,
                      targetLayer: targetLayer, rect: rect, clip: clip, blendWidth: blendWidth, sharpness: amount)
            return
        }
        guard let command = recordingCommand, source.width > 0, source.height > 0,
              let region = rect.coveredPixels(within: clip),
              let app = focus.appImage(appImage), let runtime = target.runtimeImage(runtimeImage),
              let insetPipelines, let layout = insetPipelines.pipelineLayout,
              let pipeline = insetPipelines.pipeline(
                  for: insetVariant(focus: focus.format, target: target.format, sharpen: amount > 0,
                                    perPixelFallback: rect.needsPerPixelFetch(source))) else { return }
        makeReadable(command, app, focus)
        // The upscaling dispatch wrote the image just before and moved it
        // back to the runtime's layout (its barrier's second half is
        // ALL_COMMANDS, which this one's first half continues): its writes
        // become visible to this dispatch's reads and writes of the band.
        barrier(command, runtime, layers: target.arraySize, from: target.runtimeLayout, to: VK_IMAGE_LAYOUT_GENERAL,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                srcAccess: SwapchainImageLayout.access(of: target.runtimeLayout) | VK_ACCESS_SHADER_WRITE_BIT.rawValue,
                dstStage: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT.rawValue,
                dstAccess: VK_ACCESS_SHADER_READ_BIT.rawValue | VK_ACCESS_SHADER_WRITE_BIT.rawValue)

        var constants = InsetPushConstants(source: source, sourceLayer: sourceLayer, region: region, rect: rect,
                                           targetLayer: targetLayer, sharpness: amount, blendWidth: blendWidth)
        dispatchBlocks(command, pipeline, layout: layout, sets: (focus.sourceSet(appImage), target.targetSet(runtimeImage)),
                       constants: &constants, width: region.width, height: region.height)
        handBack(command, app: app, focus, runtime: runtime, target)
    }
}
