import COpenXR
import XrSimCore

/// Records one command buffer, submits it to the session's queue and waits
/// for it: how XrSim does its rare GPU work (layout transitions at swapchain
/// creation, frame dumps). The queue is the app's, which XR_KHR_vulkan_enable
/// lets the runtime use during xrCreateSwapchain and xrEndFrame.
func runOneShotCommands(on binding: VulkanBinding,
                        _ record: (VkCommandBuffer) throws(XrSimError) -> Void) throws(XrSimError) {
    let device = binding.device
    var queue: VkQueue?
    vkGetDeviceQueue(device, binding.queueFamilyIndex, binding.queueIndex, &queue)
    guard let queue else { throw .runtimeFailure }

    var poolInfo = VkCommandPoolCreateInfo()
    poolInfo.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO
    poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT.rawValue
    poolInfo.queueFamilyIndex = binding.queueFamilyIndex
    var pool: VkCommandPool?
    guard vkCreateCommandPool(device, &poolInfo, nil, &pool) == VK_SUCCESS, let pool else { throw .runtimeFailure }
    defer { vkDestroyCommandPool(device, pool, nil) }

    var allocation = VkCommandBufferAllocateInfo()
    allocation.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO
    allocation.commandPool = pool
    allocation.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY
    allocation.commandBufferCount = 1
    var commands: VkCommandBuffer?
    guard vkAllocateCommandBuffers(device, &allocation, &commands) == VK_SUCCESS, let commands else { throw .runtimeFailure }

    var begin = VkCommandBufferBeginInfo()
    begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT.rawValue
    guard vkBeginCommandBuffer(commands, &begin) == VK_SUCCESS else { throw .runtimeFailure }
    try record(commands)
    guard vkEndCommandBuffer(commands) == VK_SUCCESS else { throw .runtimeFailure }

    var fenceInfo = VkFenceCreateInfo()
    fenceInfo.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO
    var fence: VkFence?
    guard vkCreateFence(device, &fenceInfo, nil, &fence) == VK_SUCCESS, let fence else { throw .runtimeFailure }
    defer { vkDestroyFence(device, fence, nil) }
    var commandList: VkCommandBuffer? = commands
    let submitted = withUnsafePointer(to: &commandList) { list -> VkResult in
        var submit = VkSubmitInfo()
        submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO
        submit.commandBufferCount = 1
        submit.pCommandBuffers = list
        return vkQueueSubmit(queue, 1, &submit, fence)
    }
    guard submitted == VK_SUCCESS else { throw .runtimeFailure }
    var fences: VkFence? = fence
    guard vkWaitForFences(device, 1, &fences, VkBool32(VK_TRUE), UInt64.max) == VK_SUCCESS else { throw .runtimeFailure }
}
