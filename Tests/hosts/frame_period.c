/*
 * Runs N empty frames (argv[1], default 20) and prints, per frame, what
 * xrWaitFrame told the app: "frame <i> period <predictedDisplayPeriod ns>".
 * For the frame divisor: a throttled app is told its own frames' period.
 */
#include "host_common.h"

int main(int argc, char **argv) {
    int frames = argc > 1 ? atoi(argv[1]) : 20;
    XrInstance instance = host_create_instance("frame_period");
    XrSystemId system = host_get_system(instance);
    HostVulkan vk = {0};
    host_prepare_vulkan(instance, system, &vk);
    XrSession session = host_create_session(instance, system, &vk);
    host_begin_session(instance, session);
    for (int i = 0; i < frames; i++) {
        XrFrameState state = host_empty_frame(session);
        printf("frame %d period %lld\n", i, (long long)state.predictedDisplayPeriod);
    }
    host_end_session(instance, session);
    HOST_CHECK(xrDestroySession(session));
    HOST_CHECK(xrDestroyInstance(instance));
    host_destroy_vulkan(&vk);
    return 0;
}
