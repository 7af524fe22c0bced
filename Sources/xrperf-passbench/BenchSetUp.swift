import COpenXR
import XrPerfVulkan

extension UpscaleContext {
    /// The bench's set-up work (layout transitions, the input upload), run
    /// once and waited for by the pass's own one-off runner.
    func setUp(_ record: (VkCommandBuffer) -> Void) throws(BenchError) {
        do {
            try runOnce(record)
        } catch {
            throw .pass(error)
        }
    }
}

extension UpscaleContext {
    /// One whole-image layout change of the bench's images (one layer), with
    /// everything before and after waiting on it: set-up, not timed work.
    func transition(_ command: VkCommandBuffer, _ image: VkImage, from: VkImageLayout, to: VkImageLayout,
                    srcAccess: VkAccessFlags, dstAccess: VkAccessFlags) {
        barrier(command, image, layers: 1, from: from, to: to,
                srcStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, srcAccess: srcAccess,
                dstStage: VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, dstAccess: dstAccess)
    }
}
