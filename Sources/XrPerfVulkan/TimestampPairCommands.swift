import COpenXR

extension VulkanDeviceFunctions {
    /// Records the two command buffers of a timestamp pair, both bottom of
    /// pipe (written once everything before them has finished): `start`
    /// resets queries `first` and `first + 1` and writes the first; `end`
    /// writes the second and copies the pair into `readback`'s `slot`.
    /// Recorded once and resubmitted: the frame timer's begin and end, and
    /// the brackets around each of the app's submissions.
    func recordTimestampPair(start: VkCommandBuffer, startInfo: VkCommandBufferBeginInfo, end: VkCommandBuffer,
                             endInfo: VkCommandBufferBeginInfo, pool: VkQueryPool, first: UInt32,
                             readback: TimestampReadback?, slot: Int) throws(GpuFrameTimer.Failure) {
        var startInfo = startInfo, endInfo = endInfo
        var result = beginCommandBuffer(start, &startInfo)
        guard result == VK_SUCCESS else { throw .vulkan("vkBeginCommandBuffer", result) }
        cmdResetQueryPool(start, pool, first, 2)
        cmdWriteTimestamp(start, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, pool, first)
        result = endCommandBuffer(start)
        guard result == VK_SUCCESS else { throw .vulkan("vkEndCommandBuffer", result) }

        result = beginCommandBuffer(end, &endInfo)
        guard result == VK_SUCCESS else { throw .vulkan("vkBeginCommandBuffer", result) }
        cmdWriteTimestamp(end, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, pool, first + 1)
        readback?.record(end, pool: pool, slot: slot)
        result = endCommandBuffer(end)
        guard result == VK_SUCCESS else { throw .vulkan("vkEndCommandBuffer", result) }
    }

    /// Fills `buffers` with primary command buffers from `pool`, one per element.
    func allocatePrimaryCommandBuffers(_ buffers: inout [VkCommandBuffer?], device: VkDevice,
                                       pool: VkCommandPool) throws(GpuFrameTimer.Failure) {
        var info = VkCommandBufferAllocateInfo()
        info.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO
        info.commandPool = pool
        info.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY
        info.commandBufferCount = UInt32(buffers.count)
        let result = buffers.withUnsafeMutableBufferPointer { allocateCommandBuffers(device, &info, $0.baseAddress) }
        guard result == VK_SUCCESS else { throw .vulkan("vkAllocateCommandBuffers", result) }
    }
}
