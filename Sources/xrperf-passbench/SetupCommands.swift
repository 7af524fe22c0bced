import COpenXR

/// Runs set-up work (layout transitions, the input upload) once and waits for
/// it, on a pool of its own: the pass's command buffers stay the pass's.
final class SetupCommands {
    private let device: BenchDevice
    private var pool: VkCommandPool?

    init(_ device: BenchDevice) throws(BenchError) {
        self.device = device
        var info = VkCommandPoolCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO
        info.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT.rawValue
        info.queueFamilyIndex = device.queueFamilyIndex
        try vkCheck(vkCreateCommandPool(device.device, &info, nil, &pool), "vkCreateCommandPool")
    }

    func run(_ record: (VkCommandBuffer) -> Void) throws(BenchError) {
        var allocateInfo = VkCommandBufferAllocateInfo()
        allocateInfo.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO
        allocateInfo.commandPool = pool
        allocateInfo.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY
        allocateInfo.commandBufferCount = 1
        var command: VkCommandBuffer?
        try vkCheck(vkAllocateCommandBuffers(device.device, &allocateInfo, &command), "vkAllocateCommandBuffers")
        guard let command else { throw .unsupported("vkAllocateCommandBuffers returned no command buffer") }
        defer { vkFreeCommandBuffers(device.device, pool, 1, [command]) }
        var begin = VkCommandBufferBeginInfo()
        begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO
        begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT.rawValue
        try vkCheck(vkBeginCommandBuffer(command, &begin), "vkBeginCommandBuffer")
        record(command)
        try vkCheck(vkEndCommandBuffer(command), "vkEndCommandBuffer")
        var commandBuffer: VkCommandBuffer? = command
        let result = withUnsafePointer(to: &commandBuffer) { pointer in
            var submit = VkSubmitInfo()
            submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO
            submit.commandBufferCount = 1
            submit.pCommandBuffers = pointer
            return vkQueueSubmit(device.queue, 1, &submit, nil)
        }
        try vkCheck(result, "vkQueueSubmit")
        try device.waitIdle()
    }

    func destroy() {
        vkDestroyCommandPool(device.device, pool, nil)
        pool = nil
    }
}

/// One whole-image layout change (one layer, one mip: the bench's images).
func transition(_ command: VkCommandBuffer, _ image: VkImage, from: VkImageLayout, to: VkImageLayout,
                srcAccess: VkAccessFlags, dstAccess: VkAccessFlags) {
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
        aspectMask: VK_IMAGE_ASPECT_COLOR_BIT.rawValue, baseMipLevel: 0, levelCount: 1, baseArrayLayer: 0, layerCount: 1)
    vkCmdPipelineBarrier(command, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT.rawValue,
                         0, 0, nil, 0, nil, 1, &barrier)
}
