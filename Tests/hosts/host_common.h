/*
 * Shared helpers of the C test hosts: plain C programs that use OpenXR through
 * the system's Khronos loader, exactly as a game would.
 */
#ifndef XRPERF_HOST_COMMON_H
#define XRPERF_HOST_COMMON_H

#define XR_USE_GRAPHICS_API_VULKAN 1
#include <vulkan/vulkan.h>
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOST_CHECK(call)                                                                      \
    do {                                                                                      \
        XrResult host_check_result_ = (call);                                                 \
        if (XR_FAILED(host_check_result_)) {                                                  \
            fprintf(stderr, "%s:%d: %s failed: %d\n", __FILE__, __LINE__, #call,              \
                    (int)host_check_result_);                                                 \
            exit(1);                                                                          \
        }                                                                                     \
    } while (0)

#define HOST_VK_CHECK(call)                                                                   \
    do {                                                                                      \
        VkResult host_vk_result_ = (call);                                                    \
        if (host_vk_result_ != VK_SUCCESS) {                                                  \
            fprintf(stderr, "%s:%d: %s failed: %d\n", __FILE__, __LINE__, #call,              \
                    (int)host_vk_result_);                                                    \
            exit(1);                                                                          \
        }                                                                                     \
    } while (0)

/* A Vulkan instance and device made the way XR_KHR_vulkan_enable asks. */
typedef struct HostVulkan {
    VkInstance instance;
    VkPhysicalDevice physicalDevice;
    VkDevice device;
    uint32_t queueFamilyIndex;
} HostVulkan;

static inline PFN_xrVoidFunction host_proc(XrInstance instance, const char *name) {
    PFN_xrVoidFunction function = NULL;
    HOST_CHECK(xrGetInstanceProcAddr(instance, name, &function));
    return function;
}

/* An instance of `appName` with `extensions` enabled (exits on failure). */
static inline XrInstance host_create_instance_with(const char *appName, const char *const *extensions, uint32_t count) {
    XrInstanceCreateInfo info = {XR_TYPE_INSTANCE_CREATE_INFO};
    strncpy(info.applicationInfo.applicationName, appName, XR_MAX_APPLICATION_NAME_SIZE - 1);
    strncpy(info.applicationInfo.engineName, "xrperf-test-host", XR_MAX_ENGINE_NAME_SIZE - 1);
    info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
    info.enabledExtensionCount = count;
    info.enabledExtensionNames = extensions;
    XrInstance instance = XR_NULL_HANDLE;
    HOST_CHECK(xrCreateInstance(&info, &instance));
    return instance;
}

static inline XrInstance host_create_instance(const char *appName) {
    const char *const extensions[] = {XR_KHR_VULKAN_ENABLE_EXTENSION_NAME};
    return host_create_instance_with(appName, extensions, 1);
}

static inline XrSystemId host_get_system(XrInstance instance) {
    XrSystemGetInfo info = {XR_TYPE_SYSTEM_GET_INFO};
    info.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
    XrSystemId system = XR_NULL_SYSTEM_ID;
    HOST_CHECK(xrGetSystem(instance, &info, &system));
    return system;
}

/* Splits the runtime's space-separated extension list in place. */
static inline uint32_t host_split_extensions(char *list, const char **names, uint32_t capacity) {
    uint32_t count = 0;
    for (char *token = strtok(list, " "); token && count < capacity; token = strtok(NULL, " ")) names[count++] = token;
    return count;
}

/* Queries the graphics requirements (the runtime demands it before
 * xrCreateSession) and, on the first call, creates the Vulkan objects. */
static inline void host_prepare_vulkan(XrInstance instance, XrSystemId system, HostVulkan *vk) {
    PFN_xrGetVulkanGraphicsRequirementsKHR getRequirements =
        (PFN_xrGetVulkanGraphicsRequirementsKHR)host_proc(instance, "xrGetVulkanGraphicsRequirementsKHR");
    PFN_xrGetVulkanInstanceExtensionsKHR getInstanceExtensions =
        (PFN_xrGetVulkanInstanceExtensionsKHR)host_proc(instance, "xrGetVulkanInstanceExtensionsKHR");
    PFN_xrGetVulkanDeviceExtensionsKHR getDeviceExtensions =
        (PFN_xrGetVulkanDeviceExtensionsKHR)host_proc(instance, "xrGetVulkanDeviceExtensionsKHR");
    PFN_xrGetVulkanGraphicsDeviceKHR getDevice =
        (PFN_xrGetVulkanGraphicsDeviceKHR)host_proc(instance, "xrGetVulkanGraphicsDeviceKHR");

    XrGraphicsRequirementsVulkanKHR requirements = {XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN_KHR};
    HOST_CHECK(getRequirements(instance, system, &requirements));

    if (vk->instance == VK_NULL_HANDLE) {
        char list[4096] = {0};
        const char *names[64];
        uint32_t length = 0;
        HOST_CHECK(getInstanceExtensions(instance, system, 0, &length, NULL));
        if (length > sizeof(list)) exit(1);
        HOST_CHECK(getInstanceExtensions(instance, system, length, &length, list));
        VkApplicationInfo app = {VK_STRUCTURE_TYPE_APPLICATION_INFO};
        app.pApplicationName = "xrperf-test-host";
        app.apiVersion = VK_API_VERSION_1_0;
        VkInstanceCreateInfo instanceInfo = {VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
        instanceInfo.pApplicationInfo = &app;
        instanceInfo.enabledExtensionCount = host_split_extensions(list, names, 64);
        instanceInfo.ppEnabledExtensionNames = names;
        HOST_VK_CHECK(vkCreateInstance(&instanceInfo, NULL, &vk->instance));
    }

    VkPhysicalDevice physical = VK_NULL_HANDLE;
    HOST_CHECK(getDevice(instance, system, vk->instance, &physical));
    if (vk->device != VK_NULL_HANDLE) {
        if (physical != vk->physicalDevice) {
            fprintf(stderr, "runtime picked another physical device than before\n");
            exit(1);
        }
        return;
    }
    vk->physicalDevice = physical;

    uint32_t familyCount = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(physical, &familyCount, NULL);
    VkQueueFamilyProperties families[16];
    if (familyCount > 16) familyCount = 16;
    vkGetPhysicalDeviceQueueFamilyProperties(physical, &familyCount, families);
    vk->queueFamilyIndex = UINT32_MAX;
    for (uint32_t i = 0; i < familyCount; i++) {
        if (families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) { vk->queueFamilyIndex = i; break; }
    }
    if (vk->queueFamilyIndex == UINT32_MAX) { fprintf(stderr, "no graphics queue\n"); exit(1); }

    char list[4096] = {0};
    const char *names[64];
    uint32_t length = 0;
    HOST_CHECK(getDeviceExtensions(instance, system, 0, &length, NULL));
    if (length > sizeof(list)) exit(1);
    HOST_CHECK(getDeviceExtensions(instance, system, length, &length, list));
    float priority = 1.0f;
    VkDeviceQueueCreateInfo queueInfo = {VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
    queueInfo.queueFamilyIndex = vk->queueFamilyIndex;
    queueInfo.queueCount = 1;
    queueInfo.pQueuePriorities = &priority;
    VkDeviceCreateInfo deviceInfo = {VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
    deviceInfo.queueCreateInfoCount = 1;
    deviceInfo.pQueueCreateInfos = &queueInfo;
    deviceInfo.enabledExtensionCount = host_split_extensions(list, names, 64);
    deviceInfo.ppEnabledExtensionNames = names;
    HOST_VK_CHECK(vkCreateDevice(physical, &deviceInfo, NULL, &vk->device));
}

static inline void host_destroy_vulkan(HostVulkan *vk) {
    if (vk->device) vkDestroyDevice(vk->device, NULL);
    if (vk->instance) vkDestroyInstance(vk->instance, NULL);
    memset(vk, 0, sizeof(*vk));
}

static inline XrSession host_create_session(XrInstance instance, XrSystemId system, const HostVulkan *vk) {
    XrGraphicsBindingVulkanKHR binding = {XR_TYPE_GRAPHICS_BINDING_VULKAN_KHR};
    binding.instance = vk->instance;
    binding.physicalDevice = vk->physicalDevice;
    binding.device = vk->device;
    binding.queueFamilyIndex = vk->queueFamilyIndex;
    binding.queueIndex = 0;
    XrSessionCreateInfo info = {XR_TYPE_SESSION_CREATE_INFO};
    info.next = &binding;
    info.systemId = system;
    XrSession session = XR_NULL_HANDLE;
    HOST_CHECK(xrCreateSession(instance, &info, &session));
    return session;
}

/* Polls events until the session reaches `wanted`; gives up after `polls`. */
static inline int host_wait_for_state(XrInstance instance, XrSessionState wanted, int polls) {
    for (int i = 0; i < polls; i++) {
        XrEventDataBuffer event = {XR_TYPE_EVENT_DATA_BUFFER};
        XrResult result = xrPollEvent(instance, &event);
        HOST_CHECK(result);
        if (result == XR_EVENT_UNAVAILABLE) continue;
        if (event.type == XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED) {
            const XrEventDataSessionStateChanged *changed = (const XrEventDataSessionStateChanged *)&event;
            if (changed->state == wanted) return 1;
        }
    }
    return 0;
}

static inline void host_begin_session(XrInstance instance, XrSession session) {
    if (!host_wait_for_state(instance, XR_SESSION_STATE_READY, 100)) {
        fprintf(stderr, "session never became READY\n");
        exit(1);
    }
    XrSessionBeginInfo begin = {XR_TYPE_SESSION_BEGIN_INFO};
    begin.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    HOST_CHECK(xrBeginSession(session, &begin));
}

/* Begins and ends an already waited frame with no layers. */
static inline void host_submit_empty_frame(XrSession session, const XrFrameState *state) {
    XrFrameBeginInfo beginInfo = {XR_TYPE_FRAME_BEGIN_INFO};
    HOST_CHECK(xrBeginFrame(session, &beginInfo));
    XrFrameEndInfo endInfo = {XR_TYPE_FRAME_END_INFO};
    endInfo.displayTime = state->predictedDisplayTime;
    endInfo.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    HOST_CHECK(xrEndFrame(session, &endInfo));
}

/* One frame that submits no layer: enough for the runtime to pace and count.
 * Returns what xrWaitFrame predicted for it. */
static inline XrFrameState host_empty_frame(XrSession session) {
    XrFrameWaitInfo waitInfo = {XR_TYPE_FRAME_WAIT_INFO};
    XrFrameState state = {XR_TYPE_FRAME_STATE};
    HOST_CHECK(xrWaitFrame(session, &waitInfo, &state));
    host_submit_empty_frame(session, &state);
    return state;
}

static inline void host_end_session(XrInstance instance, XrSession session) {
    HOST_CHECK(xrRequestExitSession(session));
    if (!host_wait_for_state(instance, XR_SESSION_STATE_STOPPING, 100)) {
        fprintf(stderr, "session never reached STOPPING\n");
        exit(1);
    }
    HOST_CHECK(xrEndSession(session));
}

#endif
