/*
 * A frame loop that submits GPU work the way a renderer does, for benchmark
 * protocol 2's cost per submission: each frame waits, begins, makes
 * SUBMITS vkQueueSubmit calls of one empty command buffer (recorded once)
 * on the session's queue, ends with no layers and waits for the queue to
 * go idle (one frame in flight at most: on XrSim's virtual clock nothing
 * else paces the loop, and a GPU queue that falls behind leaves frames
 * untimed). XR_KHR_vulkan_enable: the
 * host creates its own VkInstance, so xrperf's Vulkan layer is on it only
 * through VK_INSTANCE_LAYERS.
 *
 * usage: submit_loop [frames=100] [submits-per-frame=4]
 */
#include "host_common.h"
#include "host_targets.h"

int main(int argc, char **argv) {
    int frames = argc > 1 ? atoi(argv[1]) : 100;
    int submits = argc > 2 ? atoi(argv[2]) : 4;
    HostVulkan vk = {0};
    XrInstance instance = host_create_instance("submit_loop");
    XrSystemId system = host_get_system(instance);
    host_prepare_vulkan(instance, system, &vk);
    XrSession session = host_create_session(instance, system, &vk);
    host_begin_session(instance, session);
    HostCommands commands = host_create_commands(&vk);
    VkCommandBufferBeginInfo begin = {VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_SIMULTANEOUS_USE_BIT;
    HOST_VK_CHECK(vkBeginCommandBuffer(commands.buffer, &begin));
    HOST_VK_CHECK(vkEndCommandBuffer(commands.buffer));
    VkSubmitInfo submit = {VK_STRUCTURE_TYPE_SUBMIT_INFO};
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &commands.buffer;

    for (int f = 0; f < frames; f++) {
        XrFrameWaitInfo waitInfo = {XR_TYPE_FRAME_WAIT_INFO};
        XrFrameState state = {XR_TYPE_FRAME_STATE};
        HOST_CHECK(xrWaitFrame(session, &waitInfo, &state));
        XrFrameBeginInfo beginInfo = {XR_TYPE_FRAME_BEGIN_INFO};
        HOST_CHECK(xrBeginFrame(session, &beginInfo));
        for (int s = 0; s < submits; s++) HOST_VK_CHECK(vkQueueSubmit(commands.queue, 1, &submit, VK_NULL_HANDLE));
        XrFrameEndInfo endInfo = {XR_TYPE_FRAME_END_INFO};
        endInfo.displayTime = state.predictedDisplayTime;
        endInfo.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
        HOST_CHECK(xrEndFrame(session, &endInfo));
        HOST_VK_CHECK(vkQueueWaitIdle(commands.queue));
    }
    host_end_session(instance, session);
    host_destroy_commands(&vk, &commands);
    HOST_CHECK(xrDestroySession(session));
    HOST_CHECK(xrDestroyInstance(instance));
    host_destroy_vulkan(&vk);
    printf("submit_loop: %d frames, %d submissions each\n", frames, submits);
    return 0;
}
