/*
 * Swapchains a test host fills with a flat colour: created as an app would
 * (colour attachment, UNORM), each frame acquired, cleared on the app's queue
 * and released, so XRSIM_DUMP_DIR shows which image went where.
 * Include after host_common.h.
 */
#ifndef XRPERF_HOST_TARGETS_H
#define XRPERF_HOST_TARGETS_H

typedef struct HostTarget {
    XrSwapchain swapchain;
    uint32_t width, height;
    VkImage images[8];
} HostTarget;

/* One command buffer on the app's queue, waited for after each use. */
typedef struct HostCommands {
    VkQueue queue;
    VkCommandPool pool;
    VkCommandBuffer buffer;
    VkFence fence;
} HostCommands;

static inline HostTarget host_create_target(XrSession session, uint32_t width, uint32_t height) {
    HostTarget target = {XR_NULL_HANDLE, width, height, {0}};
    XrSwapchainCreateInfo info = {XR_TYPE_SWAPCHAIN_CREATE_INFO};
    info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT;
    info.format = VK_FORMAT_R8G8B8A8_UNORM;
    info.sampleCount = 1;
    info.width = width;
    info.height = height;
    info.faceCount = 1;
    info.arraySize = 1;
    info.mipCount = 1;
    HOST_CHECK(xrCreateSwapchain(session, &info, &target.swapchain));
    XrSwapchainImageVulkanKHR images[8];
    for (int k = 0; k < 8; k++) images[k] = (XrSwapchainImageVulkanKHR){XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR};
    uint32_t imageCount = 0;
    HOST_CHECK(xrEnumerateSwapchainImages(target.swapchain, 8, &imageCount, (XrSwapchainImageBaseHeader *)images));
    for (uint32_t k = 0; k < imageCount; k++) target.images[k] = images[k].image;
    return target;
}

static inline HostCommands host_create_commands(const HostVulkan *vk) {
    HostCommands commands = {0};
    vkGetDeviceQueue(vk->device, vk->queueFamilyIndex, 0, &commands.queue);
    VkCommandPoolCreateInfo poolInfo = {VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    poolInfo.queueFamilyIndex = vk->queueFamilyIndex;
    HOST_VK_CHECK(vkCreateCommandPool(vk->device, &poolInfo, NULL, &commands.pool));
    VkCommandBufferAllocateInfo allocate = {VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    allocate.commandPool = commands.pool;
    allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocate.commandBufferCount = 1;
    HOST_VK_CHECK(vkAllocateCommandBuffers(vk->device, &allocate, &commands.buffer));
    VkFenceCreateInfo fenceInfo = {VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    HOST_VK_CHECK(vkCreateFence(vk->device, &fenceInfo, NULL, &commands.fence));
    return commands;
}

static inline void host_destroy_commands(const HostVulkan *vk, HostCommands *commands) {
    vkDestroyFence(vk->device, commands->fence, NULL);
    vkDestroyCommandPool(vk->device, commands->pool, NULL);
    memset(commands, 0, sizeof(*commands));
}

/* Acquires the next image, clears it to (r, g, b, 255) and releases it. */
static inline void host_fill(const HostVulkan *vk, const HostCommands *commands, const HostTarget *target, int r, int g,
                             int b) {
    uint32_t index = 0;
    XrSwapchainImageAcquireInfo acquire = {XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO};
    HOST_CHECK(xrAcquireSwapchainImage(target->swapchain, &acquire, &index));
    XrSwapchainImageWaitInfo wait = {XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO};
    wait.timeout = XR_INFINITE_DURATION;
    HOST_CHECK(xrWaitSwapchainImage(target->swapchain, &wait));

    VkCommandBuffer buffer = commands->buffer;
    VkCommandBufferBeginInfo begin = {VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    HOST_VK_CHECK(vkBeginCommandBuffer(buffer, &begin));
    VkImageSubresourceRange range = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    VkImageMemoryBarrier barrier = {VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    barrier.srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.oldLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    barrier.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.image = target->images[index];
    barrier.subresourceRange = range;
    vkCmdPipelineBarrier(buffer, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, NULL,
                         0, NULL, 1, &barrier);
    VkClearColorValue colour = {{r / 255.0f, g / 255.0f, b / 255.0f, 1.0f}};
    vkCmdClearColorImage(buffer, target->images[index], VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &colour, 1, &range);
    barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    barrier.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    barrier.newLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    vkCmdPipelineBarrier(buffer, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, 0, 0, NULL,
                         0, NULL, 1, &barrier);
    HOST_VK_CHECK(vkEndCommandBuffer(buffer));
    VkSubmitInfo submit = {VK_STRUCTURE_TYPE_SUBMIT_INFO};
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &buffer;
    HOST_VK_CHECK(vkQueueSubmit(commands->queue, 1, &submit, commands->fence));
    HOST_VK_CHECK(vkWaitForFences(vk->device, 1, &commands->fence, VK_TRUE, UINT64_MAX));
    HOST_VK_CHECK(vkResetFences(vk->device, 1, &commands->fence));
    HOST_VK_CHECK(vkResetCommandBuffer(buffer, 0));

    XrSwapchainImageReleaseInfo release = {XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO};
    HOST_CHECK(xrReleaseSwapchainImage(target->swapchain, &release));
}

#endif
