/*
 * Runs frames and then leaves through exit() with the session and instance
 * still alive, as apps that quit on a signal often do. The layer must still
 * complete its recording and remove its live telemetry file.
 *
 * usage: exit_without_cleanup [frames=30]
 */
#include "host_common.h"

int main(int argc, char **argv) {
    int frames = argc > 1 ? atoi(argv[1]) : 30;
    HostVulkan vk = {0};
    XrInstance instance = host_create_instance("exit_without_cleanup");
    XrSystemId system = host_get_system(instance);
    host_prepare_vulkan(instance, system, &vk);
    XrSession session = host_create_session(instance, system, &vk);
    host_begin_session(instance, session);
    for (int f = 0; f < frames; f++) host_empty_frame(session);
    printf("exit_without_cleanup: %d frames, exiting with the session alive\n", frames);
    fflush(stdout);
    exit(0);
}
