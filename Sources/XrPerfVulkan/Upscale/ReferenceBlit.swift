import COpenXR
import XrPerfCore

extension UpscaleContext {
    /// Records `vkCmdBlitImage` with `VK_FILTER_LINEAR` from the same rects
    /// of the same images as `upscale(...)` would read and write, inside the
    /// frame begun with `beginFrame`, so it is timed by the same timestamps.
    /// Benchmark protocol 3 measures the pass against this; the layer never
    /// calls it.
    ///
    /// Fairness: the images go through the same barriers as in the pass (from
    /// and back to the layouts the app and the runtime expect, same stages and
    /// accesses), only to the layouts a blit needs instead of the shader's. A
    /// blit filters in the image's own format: sRGB images are decoded and
    /// encoded by the sampler and the store, where the pass encodes itself.
    /// The app images need TRANSFER_SRC usage (XR 0x08) and the runtime images
    /// TRANSFER_DST (0x10); without it Vulkan's rules are broken, and the
    /// validation layer says so.
    public func blit(_ images: SubstitutedImages, appImage: Int, sourceLayer: UInt32, source: PixelRect,
                     runtimeImage: Int, targetLayer: UInt32, target: PixelRect) {
        guard let command = recordingCommand,
              let app = images.appImage(appImage), let runtime = images.runtimeImage(runtimeImage) else { return }
        barrier(command, app, layers: images.arraySize, from: images.appLayout, to: VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: SwapchainImageLayout.access(of: images.appLayout),
                dstStage: VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue, dstAccess: VK_ACCESS_TRANSFER_READ_BIT.rawValue)
        barrier(command, runtime, layers: images.arraySize, from: images.runtimeLayout, to: VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: SwapchainImageLayout.access(of: images.runtimeLayout),
                dstStage: VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue, dstAccess: VK_ACCESS_TRANSFER_WRITE_BIT.rawValue)

        func corners(_ rect: PixelRect) -> (VkOffset3D, VkOffset3D) {
            (VkOffset3D(x: rect.x, y: rect.y, z: 0), VkOffset3D(x: rect.x + rect.width, y: rect.y + rect.height, z: 1))
        }
        var region = VkImageBlit()
        region.srcSubresource = VkImageSubresourceLayers(
            aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, mipLevel: 0, baseArrayLayer: sourceLayer, layerCount: 1)
        region.srcOffsets = corners(source)
        region.dstSubresource = VkImageSubresourceLayers(
            aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, mipLevel: 0, baseArrayLayer: targetLayer, layerCount: 1)
        region.dstOffsets = corners(target)
        functions.cmdBlitImage(command, app, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, runtime, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                               1, &region, VK_FILTER_LINEAR)

        barrier(command, app, layers: images.arraySize, from: VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, to: images.appLayout,
                srcStage: VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue, srcAccess: 0,
                dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, dstAccess: SwapchainImageLayout.access(of: images.appLayout))
        barrier(command, runtime, layers: images.arraySize, from: VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, to: images.runtimeLayout,
                srcStage: VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue, srcAccess: VK_ACCESS_TRANSFER_WRITE_BIT.rawValue,
                dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                dstAccess: SwapchainImageLayout.access(of: images.runtimeLayout) | VK_ACCESS_SHADER_READ_BIT.rawValue)
    }

    /// Whether the device can blit `format` with a linear filter (both ends:
    /// the pass's source and destination have the same format).
    public func supportsLinearBlit(_ format: UpscaleFormat) -> Bool {
        var properties = VkFormatProperties()
        functions.getPhysicalDeviceFormatProperties(physicalDevice, VkFormat(UInt32(format.vulkanFormat)), &properties)
        let needed = VK_FORMAT_FEATURE_BLIT_SRC_BIT.rawValue | VK_FORMAT_FEATURE_BLIT_DST_BIT.rawValue
            | VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT.rawValue
        return properties.optimalTilingFeatures & needed == needed
    }
}
