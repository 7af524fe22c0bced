/*
 * Creates and destroys many OpenXR instances, each with a session that runs
 * a few frames, in one process: the layer must keep its state per instance,
 * free it on destruction and survive being negotiated again and again.
 * Every second instance is destroyed with its session still alive, which
 * the spec allows (children die with their parent).
 *
 * usage: instance_churn [instances=50] [frames-per-session=3]
 */
#include "host_common.h"

int main(int argc, char **argv) {
    int instances = argc > 1 ? atoi(argv[1]) : 50;
    int frames = argc > 2 ? atoi(argv[2]) : 3;
    HostVulkan vk = {0};
    int totalFrames = 0;

    for (int i = 0; i < instances; i++) {
        XrInstance instance = host_create_instance("instance_churn");
        XrSystemId system = host_get_system(instance);
        host_prepare_vulkan(instance, system, &vk);
        XrSession session = host_create_session(instance, system, &vk);
        host_begin_session(instance, session);
        for (int f = 0; f < frames; f++) host_empty_frame(session);
        totalFrames += frames;
        host_end_session(instance, session);
        if (i % 2 == 0) HOST_CHECK(xrDestroySession(session));
        HOST_CHECK(xrDestroyInstance(instance));
    }
    host_destroy_vulkan(&vk);
    printf("instance_churn: %d instances, %d frames\n", instances, totalFrames);
    return 0;
}
