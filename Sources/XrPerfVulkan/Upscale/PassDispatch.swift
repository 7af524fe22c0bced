import COpenXR

/// What the upscale and focus-inset dispatches share: the app's image made
/// readable, one compute dispatch over 2x2 pixel blocks with the source and
/// target descriptor sets, and both images handed back in the layouts the
/// app and the runtime expect.
extension UpscaleContext {
    /// The app's image to SHADER_READ_ONLY for the dispatch that reads it.
    func makeReadable(_ command: VkCommandBuffer, _ app: VkImage, _ images: SubstitutedImages) {
        barrier(command, app, layers: images.arraySize, from: images.appLayout, to: VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: SwapchainImageLayout.access(of: images.appLayout),
                dstStage: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT.rawValue, dstAccess: VK_ACCESS_SHADER_READ_BIT.rawValue)
    }

    /// Binds `pipeline` with the two sets, pushes `constants` and dispatches
    /// one invocation per 2x2 block of `width` x `height` pixels, rows of 64
    /// blocks per workgroup (Shaders/Upscale.glsl, Shaders/Inset.glsl).
    func dispatchBlocks<Constants>(_ command: VkCommandBuffer, _ pipeline: VkPipeline, layout: VkPipelineLayout?,
                                   sets: (VkDescriptorSet?, VkDescriptorSet?), constants: inout Constants,
                                   width: Int32, height: Int32) {
        functions.cmdBindPipeline(command, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline)
        var sets = sets
        withUnsafePointer(to: &sets) { pointer in
            pointer.withMemoryRebound(to: VkDescriptorSet?.self, capacity: 2) {
                functions.cmdBindDescriptorSets(command, VK_PIPELINE_BIND_POINT_COMPUTE, layout, 0, 2, $0, 0, nil)
            }
        }
        withUnsafeBytes(of: &constants) { bytes in
            functions.cmdPushConstants(command, layout, VK_SHADER_STAGE_COMPUTE_BIT.rawValue, 0,
                                       UInt32(bytes.count), bytes.baseAddress)
        }
        let blocksWide = (UInt32(max(width, 0)) + 1) / 2
        let blocksHigh = (UInt32(max(height, 0)) + 1) / 2
        functions.cmdDispatch(command, (blocksWide + 63) / 64, blocksHigh, 1)
    }

    /// Back to the layouts the app and the runtime expect after a dispatch
    /// that read `app` and wrote `runtime`; the execution dependency on
    /// ALL_COMMANDS also orders the app's next writes to its image after
    /// this read (same queue, later submission).
    func handBack(_ command: VkCommandBuffer, app: VkImage, _ appImages: SubstitutedImages,
                  runtime: VkImage, _ runtimeImages: SubstitutedImages) {
        barrier(command, app, layers: appImages.arraySize, from: VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                to: appImages.appLayout,
                srcStage: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT.rawValue, srcAccess: 0,
                dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, dstAccess: SwapchainImageLayout.access(of: appImages.appLayout))
        barrier(command, runtime, layers: runtimeImages.arraySize, from: VK_IMAGE_LAYOUT_GENERAL, to: runtimeImages.runtimeLayout,
                srcStage: VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT.rawValue, srcAccess: VK_ACCESS_SHADER_WRITE_BIT.rawValue,
                dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                dstAccess: SwapchainImageLayout.access(of: runtimeImages.runtimeLayout) | VK_ACCESS_SHADER_READ_BIT.rawValue)
    }
}
