/*
 * A generated walk over every function xrperf intercepts: for each one a
 * valid call is described once, and the walk derives the wrong ones from it
 * by changing one argument at a time:
 *   - each handle: XR_NULL_HANDLE, a handle that never existed, and (for
 *     swapchains) one of a destroyed object;
 *   - each input struct: NULL, a wrong `type`, and an unknown struct in its
 *     `next` chain (which the runtime must ignore: it has to arrive intact);
 *   - each output pointer: NULL, and a wrong `type` where it has one;
 *   - each two-call array: a capacity one too small.
 * Then the frame calls out of order. It prints "function.mutation result"
 * lines; run with and without the layer (and with it upscaling), the outputs
 * must be identical: the layer neither hides the runtime's answer nor invents
 * one, and dereferences nothing it has not checked.
 */
#include "host_common.h"

static void report(const char *function, const char *mutation, XrResult result) {
    char name[96];
    snprintf(name, sizeof(name), "%s.%s", function, mutation);
    printf("%-56s %d\n", name, (int)result);
}

typedef struct UnknownLink {
    XrStructureType type;
    const void *next;
    uint64_t payload;
} UnknownLink;

static const UnknownLink unknownLink = {(XrStructureType)0x7ABC0002, NULL, 7};
#define BOGUS(type) ((type)(uintptr_t)0x4F4F)

/* The objects the calls work on, valid unless a mutation says otherwise. */
typedef struct World {
    XrInstance instance;
    XrSystemId system;
    XrSession session;
    XrSpace space;
    XrSwapchain swapchain;
    XrSwapchain destroyedSwapchain;
    XrSwapchainCreateInfo swapchainInfo;
    uint32_t eyeWidth, eyeHeight;
    XrTime displayTime;
} World;

static void walkInstanceCalls(World *w) {
    XrEventDataBuffer event = {XR_TYPE_EVENT_DATA_BUFFER};
    report("xrPollEvent", "nullHandle", xrPollEvent(XR_NULL_HANDLE, &event));
    report("xrPollEvent", "bogusHandle", xrPollEvent(BOGUS(XrInstance), &event));
    report("xrPollEvent", "nullOutput", xrPollEvent(w->instance, NULL));

    uint32_t count = 0;
    XrViewConfigurationView views[2] = {{XR_TYPE_VIEW_CONFIGURATION_VIEW}, {XR_TYPE_VIEW_CONFIGURATION_VIEW}};
    const XrViewConfigurationType stereo = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    report("xrEnumerateViewConfigurationViews", "nullHandle",
           xrEnumerateViewConfigurationViews(XR_NULL_HANDLE, w->system, stereo, 2, &count, views));
    report("xrEnumerateViewConfigurationViews", "bogusHandle",
           xrEnumerateViewConfigurationViews(BOGUS(XrInstance), w->system, stereo, 2, &count, views));
    report("xrEnumerateViewConfigurationViews", "nullCount",
           xrEnumerateViewConfigurationViews(w->instance, w->system, stereo, 2, NULL, views));
    report("xrEnumerateViewConfigurationViews", "capacityOneShort",
           xrEnumerateViewConfigurationViews(w->instance, w->system, stereo, 1, &count, views));
    report("xrEnumerateViewConfigurationViews", "nullArrayWithCapacity",
           xrEnumerateViewConfigurationViews(w->instance, w->system, stereo, 2, &count, NULL));
    views[1].type = XR_TYPE_VIEW;
    report("xrEnumerateViewConfigurationViews", "wrongOutputType",
           xrEnumerateViewConfigurationViews(w->instance, w->system, stereo, 2, &count, views));
    views[1].type = XR_TYPE_VIEW_CONFIGURATION_VIEW;
    views[0].next = (void *)&unknownLink;
    report("xrEnumerateViewConfigurationViews", "unknownOutputNext",
           xrEnumerateViewConfigurationViews(w->instance, w->system, stereo, 2, &count, views));
    views[0].next = NULL;

    XrViewConfigurationType types[8];
    report("xrEnumerateViewConfigurations", "nullHandle",
           xrEnumerateViewConfigurations(XR_NULL_HANDLE, w->system, 8, &count, types));
    report("xrEnumerateViewConfigurations", "bogusHandle",
           xrEnumerateViewConfigurations(BOGUS(XrInstance), w->system, 8, &count, types));
    report("xrEnumerateViewConfigurations", "nullCount",
           xrEnumerateViewConfigurations(w->instance, w->system, 8, NULL, types));
    report("xrEnumerateViewConfigurations", "nullArrayWithCapacity",
           xrEnumerateViewConfigurations(w->instance, w->system, 8, &count, NULL));

    XrViewConfigurationProperties configuration = {XR_TYPE_VIEW_CONFIGURATION_PROPERTIES};
    report("xrGetViewConfigurationProperties", "nullHandle",
           xrGetViewConfigurationProperties(XR_NULL_HANDLE, w->system, stereo, &configuration));
    report("xrGetViewConfigurationProperties", "bogusHandle",
           xrGetViewConfigurationProperties(BOGUS(XrInstance), w->system, stereo, &configuration));
    report("xrGetViewConfigurationProperties", "nullOutput",
           xrGetViewConfigurationProperties(w->instance, w->system, stereo, NULL));
    report("xrGetViewConfigurationProperties", "quadNotEnabled",
           xrGetViewConfigurationProperties(w->instance, w->system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO,
                                            &configuration));
    configuration.next = (void *)&unknownLink;
    report("xrGetViewConfigurationProperties", "unknownOutputNext",
           xrGetViewConfigurationProperties(w->instance, w->system, stereo, &configuration));
    configuration.next = NULL;

    XrEnvironmentBlendMode modes[8];
    report("xrEnumerateEnvironmentBlendModes", "nullHandle",
           xrEnumerateEnvironmentBlendModes(XR_NULL_HANDLE, w->system, stereo, 8, &count, modes));
    report("xrEnumerateEnvironmentBlendModes", "bogusHandle",
           xrEnumerateEnvironmentBlendModes(BOGUS(XrInstance), w->system, stereo, 8, &count, modes));
    report("xrEnumerateEnvironmentBlendModes", "nullCount",
           xrEnumerateEnvironmentBlendModes(w->instance, w->system, stereo, 8, NULL, modes));
    report("xrEnumerateEnvironmentBlendModes", "quadNotEnabled",
           xrEnumerateEnvironmentBlendModes(w->instance, w->system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO, 8,
                                            &count, modes));

    XrSystemProperties system = {XR_TYPE_SYSTEM_PROPERTIES};
    report("xrGetSystemProperties", "nullHandle", xrGetSystemProperties(XR_NULL_HANDLE, w->system, &system));
    report("xrGetSystemProperties", "bogusHandle", xrGetSystemProperties(BOGUS(XrInstance), w->system, &system));
    report("xrGetSystemProperties", "nullOutput", xrGetSystemProperties(w->instance, w->system, NULL));
    report("xrGetSystemProperties", "bogusSystem", xrGetSystemProperties(w->instance, 0x4F4F, &system));
    system.next = (void *)&unknownLink;
    report("xrGetSystemProperties", "unknownOutputNext", xrGetSystemProperties(w->instance, w->system, &system));
    system.next = NULL;

    XrInteractionProfileSuggestedBinding suggested = {XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING};
    report("xrSuggestInteractionProfileBindings", "nullHandle", xrSuggestInteractionProfileBindings(XR_NULL_HANDLE, &suggested));
    report("xrSuggestInteractionProfileBindings", "bogusHandle",
           xrSuggestInteractionProfileBindings(BOGUS(XrInstance), &suggested));
    report("xrSuggestInteractionProfileBindings", "nullInput", xrSuggestInteractionProfileBindings(w->instance, NULL));
    report("xrSuggestInteractionProfileBindings", "noProfile", xrSuggestInteractionProfileBindings(w->instance, &suggested));

    PFN_xrVoidFunction function = NULL;
    report("xrGetInstanceProcAddr", "nullName", xrGetInstanceProcAddr(w->instance, NULL, &function));
    /* A NULL output pointer is not checked by the loader (it writes through
     * it), so it is not something an app can be told about: left out. */
    report("xrGetInstanceProcAddr", "bogusHandle", xrGetInstanceProcAddr(BOGUS(XrInstance), "xrWaitFrame", &function));
    report("xrGetInstanceProcAddr", "unknownName", xrGetInstanceProcAddr(w->instance, "xrNoSuchFunctionXRPERF", &function));
    report("xrGetInstanceProcAddr", "extensionNotEnabled",
           xrGetInstanceProcAddr(w->instance, "xrGetRecommendedLayerResolutionMETA", &function));
}

static void walkSwapchainCalls(World *w) {
    XrSwapchain created = XR_NULL_HANDLE;
    XrSwapchainCreateInfo info = w->swapchainInfo;
    report("xrCreateSwapchain", "nullHandle", xrCreateSwapchain(XR_NULL_HANDLE, &info, &created));
    report("xrCreateSwapchain", "bogusHandle", xrCreateSwapchain(BOGUS(XrSession), &info, &created));
    report("xrCreateSwapchain", "nullInput", xrCreateSwapchain(w->session, NULL, &created));
    report("xrCreateSwapchain", "nullOutput", xrCreateSwapchain(w->session, &info, NULL));
    info.type = XR_TYPE_SESSION_CREATE_INFO;
    report("xrCreateSwapchain", "wrongInputType", xrCreateSwapchain(w->session, &info, &created));
    info.type = XR_TYPE_SWAPCHAIN_CREATE_INFO;
    info.next = &unknownLink;
    XrResult result = xrCreateSwapchain(w->session, &info, &created);
    report("xrCreateSwapchain", "unknownInputNext", result);
    if (XR_SUCCEEDED(result)) report("xrDestroySwapchain", "ofUnknownNext", xrDestroySwapchain(created));

    report("xrDestroySwapchain", "nullHandle", xrDestroySwapchain(XR_NULL_HANDLE));
    report("xrDestroySwapchain", "bogusHandle", xrDestroySwapchain(BOGUS(XrSwapchain)));
    report("xrDestroySwapchain", "destroyedHandle", xrDestroySwapchain(w->destroyedSwapchain));

    uint32_t count = 0;
    XrSwapchainImageVulkanKHR images[8];
    for (int i = 0; i < 8; i++) {
        memset(&images[i], 0, sizeof(images[i]));
        images[i].type = XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR;
    }
    XrSwapchainImageBaseHeader *base = (XrSwapchainImageBaseHeader *)images;
    HOST_CHECK(xrEnumerateSwapchainImages(w->swapchain, 0, &count, NULL));
    report("xrEnumerateSwapchainImages", "nullHandle", xrEnumerateSwapchainImages(XR_NULL_HANDLE, 8, &count, base));
    report("xrEnumerateSwapchainImages", "bogusHandle", xrEnumerateSwapchainImages(BOGUS(XrSwapchain), 8, &count, base));
    report("xrEnumerateSwapchainImages", "destroyedHandle",
           xrEnumerateSwapchainImages(w->destroyedSwapchain, 8, &count, base));
    report("xrEnumerateSwapchainImages", "nullCount", xrEnumerateSwapchainImages(w->swapchain, 8, NULL, base));
    uint32_t needed = count;
    report("xrEnumerateSwapchainImages", "capacityOneShort",
           xrEnumerateSwapchainImages(w->swapchain, needed - 1, &count, base));
    report("xrEnumerateSwapchainImages", "nullArrayWithCapacity",
           xrEnumerateSwapchainImages(w->swapchain, needed, &count, NULL));
    images[needed - 1].type = XR_TYPE_SWAPCHAIN_IMAGE_OPENGL_KHR;
    report("xrEnumerateSwapchainImages", "wrongOutputType", xrEnumerateSwapchainImages(w->swapchain, needed, &count, base));
    images[needed - 1].type = XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR;
    images[0].next = (void *)&unknownLink;
    report("xrEnumerateSwapchainImages", "unknownOutputNext", xrEnumerateSwapchainImages(w->swapchain, needed, &count, base));
    images[0].next = NULL;

    uint32_t index = 0;
    XrSwapchainImageAcquireInfo acquire = {XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO};
    XrSwapchainImageWaitInfo wait = {XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO};
    wait.timeout = XR_INFINITE_DURATION;
    XrSwapchainImageReleaseInfo release = {XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO};
    report("xrAcquireSwapchainImage", "nullHandle", xrAcquireSwapchainImage(XR_NULL_HANDLE, &acquire, &index));
    report("xrAcquireSwapchainImage", "bogusHandle", xrAcquireSwapchainImage(BOGUS(XrSwapchain), &acquire, &index));
    report("xrAcquireSwapchainImage", "destroyedHandle", xrAcquireSwapchainImage(w->destroyedSwapchain, &acquire, &index));
    report("xrAcquireSwapchainImage", "nullOutput", xrAcquireSwapchainImage(w->swapchain, &acquire, NULL));
    acquire.type = XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO;
    report("xrAcquireSwapchainImage", "wrongInputType", xrAcquireSwapchainImage(w->swapchain, &acquire, &index));
    acquire.type = XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO;

    report("xrWaitSwapchainImage", "beforeAcquire", xrWaitSwapchainImage(w->swapchain, &wait));
    report("xrReleaseSwapchainImage", "beforeAcquire", xrReleaseSwapchainImage(w->swapchain, &release));
    acquire.next = &unknownLink;
    report("xrAcquireSwapchainImage", "unknownInputNext", xrAcquireSwapchainImage(w->swapchain, &acquire, &index));
    acquire.next = NULL;
    report("xrAcquireSwapchainImage", "nullInput", xrAcquireSwapchainImage(w->swapchain, NULL, &index));

    report("xrWaitSwapchainImage", "nullHandle", xrWaitSwapchainImage(XR_NULL_HANDLE, &wait));
    report("xrWaitSwapchainImage", "bogusHandle", xrWaitSwapchainImage(BOGUS(XrSwapchain), &wait));
    report("xrWaitSwapchainImage", "destroyedHandle", xrWaitSwapchainImage(w->destroyedSwapchain, &wait));
    report("xrWaitSwapchainImage", "nullInput", xrWaitSwapchainImage(w->swapchain, NULL));
    wait.type = XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO;
    report("xrWaitSwapchainImage", "wrongInputType", xrWaitSwapchainImage(w->swapchain, &wait));
    wait.type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO;
    report("xrReleaseSwapchainImage", "beforeWait", xrReleaseSwapchainImage(w->swapchain, &release));
    wait.next = &unknownLink;
    report("xrWaitSwapchainImage", "unknownInputNext", xrWaitSwapchainImage(w->swapchain, &wait));
    wait.next = NULL;
    report("xrWaitSwapchainImage", "twice", xrWaitSwapchainImage(w->swapchain, &wait));

    report("xrReleaseSwapchainImage", "nullHandle", xrReleaseSwapchainImage(XR_NULL_HANDLE, &release));
    report("xrReleaseSwapchainImage", "bogusHandle", xrReleaseSwapchainImage(BOGUS(XrSwapchain), &release));
    report("xrReleaseSwapchainImage", "destroyedHandle", xrReleaseSwapchainImage(w->destroyedSwapchain, &release));
    release.type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO;
    report("xrReleaseSwapchainImage", "wrongInputType", xrReleaseSwapchainImage(w->swapchain, &release));
    release.type = XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO;
    release.next = &unknownLink;
    report("xrReleaseSwapchainImage", "unknownInputNext", xrReleaseSwapchainImage(w->swapchain, &release));
    release.next = NULL;
    report("xrReleaseSwapchainImage", "twice", xrReleaseSwapchainImage(w->swapchain, &release));
    /* The other images: acquired and released in order, as apps do. */
    for (uint32_t i = 1; i < needed; i++) {
        HOST_CHECK(xrAcquireSwapchainImage(w->swapchain, &acquire, &index));
        HOST_CHECK(xrWaitSwapchainImage(w->swapchain, &wait));
        HOST_CHECK(xrReleaseSwapchainImage(w->swapchain, &release));
    }
}

static void walkFrameCalls(World *w, XrView views[2]) {
    XrFrameWaitInfo waitInfo = {XR_TYPE_FRAME_WAIT_INFO};
    XrFrameState state = {XR_TYPE_FRAME_STATE};
    XrFrameBeginInfo beginInfo = {XR_TYPE_FRAME_BEGIN_INFO};
    report("xrWaitFrame", "nullHandle", xrWaitFrame(XR_NULL_HANDLE, &waitInfo, &state));
    report("xrWaitFrame", "bogusHandle", xrWaitFrame(BOGUS(XrSession), &waitInfo, &state));
    report("xrWaitFrame", "nullOutput", xrWaitFrame(w->session, &waitInfo, NULL));
    state.type = XR_TYPE_FRAME_WAIT_INFO;
    report("xrWaitFrame", "wrongOutputType", xrWaitFrame(w->session, &waitInfo, &state));
    state.type = XR_TYPE_FRAME_STATE;
    waitInfo.type = XR_TYPE_FRAME_BEGIN_INFO;
    report("xrWaitFrame", "wrongInputType", xrWaitFrame(w->session, &waitInfo, &state));
    waitInfo.type = XR_TYPE_FRAME_WAIT_INFO;
    report("xrBeginFrame", "beforeWait", xrBeginFrame(w->session, &beginInfo));
    waitInfo.next = &unknownLink;
    report("xrWaitFrame", "unknownInputNext", xrWaitFrame(w->session, &waitInfo, &state));
    waitInfo.next = NULL;

    report("xrBeginFrame", "nullHandle", xrBeginFrame(XR_NULL_HANDLE, &beginInfo));
    report("xrBeginFrame", "bogusHandle", xrBeginFrame(BOGUS(XrSession), &beginInfo));
    beginInfo.type = XR_TYPE_FRAME_WAIT_INFO;
    report("xrBeginFrame", "wrongInputType", xrBeginFrame(w->session, &beginInfo));
    beginInfo.type = XR_TYPE_FRAME_BEGIN_INFO;
    beginInfo.next = &unknownLink;
    report("xrBeginFrame", "unknownInputNext", xrBeginFrame(w->session, &beginInfo));
    beginInfo.next = NULL;

    XrCompositionLayerProjectionView projectionViews[2];
    for (int eye = 0; eye < 2; eye++) {
        memset(&projectionViews[eye], 0, sizeof(projectionViews[eye]));
        projectionViews[eye].type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW;
        projectionViews[eye].pose = views[eye].pose;
        projectionViews[eye].fov = views[eye].fov;
        projectionViews[eye].subImage.swapchain = w->swapchain;
        projectionViews[eye].subImage.imageRect.extent.width = (int32_t)w->eyeWidth;
        projectionViews[eye].subImage.imageRect.extent.height = (int32_t)w->eyeHeight;
    }
    XrCompositionLayerProjection projection = {XR_TYPE_COMPOSITION_LAYER_PROJECTION};
    projection.space = w->space;
    projection.viewCount = 2;
    projection.views = projectionViews;
    const XrCompositionLayerBaseHeader *layers[1] = {(const XrCompositionLayerBaseHeader *)&projection};
    XrFrameEndInfo endInfo = {XR_TYPE_FRAME_END_INFO};
    endInfo.displayTime = state.predictedDisplayTime;
    endInfo.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    endInfo.layerCount = 1;
    endInfo.layers = layers;

    report("xrEndFrame", "nullHandle", xrEndFrame(XR_NULL_HANDLE, &endInfo));
    report("xrEndFrame", "bogusHandle", xrEndFrame(BOGUS(XrSession), &endInfo));
    report("xrEndFrame", "nullInput", xrEndFrame(w->session, NULL));
    endInfo.type = XR_TYPE_FRAME_BEGIN_INFO;
    report("xrEndFrame", "wrongInputType", xrEndFrame(w->session, &endInfo));
    endInfo.type = XR_TYPE_FRAME_END_INFO;
    endInfo.layers = NULL;
    report("xrEndFrame", "nullLayerArray", xrEndFrame(w->session, &endInfo));
    endInfo.layers = layers;
    projection.views = NULL;
    report("xrEndFrame", "nullViews", xrEndFrame(w->session, &endInfo));
    projection.views = projectionViews;
    projection.type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW;
    report("xrEndFrame", "wrongLayerType", xrEndFrame(w->session, &endInfo));
    projection.type = XR_TYPE_COMPOSITION_LAYER_PROJECTION;
    projectionViews[1].type = XR_TYPE_VIEW;
    report("xrEndFrame", "wrongViewType", xrEndFrame(w->session, &endInfo));
    projectionViews[1].type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW;
    projectionViews[0].subImage.swapchain = BOGUS(XrSwapchain);
    report("xrEndFrame", "bogusSwapchain", xrEndFrame(w->session, &endInfo));
    projectionViews[0].subImage.swapchain = w->destroyedSwapchain;
    report("xrEndFrame", "destroyedSwapchain", xrEndFrame(w->session, &endInfo));
    projectionViews[0].subImage.swapchain = w->swapchain;
    projectionViews[0].subImage.imageRect.extent.height = (int32_t)w->eyeHeight + 1;
    report("xrEndFrame", "rectOutsideImage", xrEndFrame(w->session, &endInfo));
    projectionViews[0].subImage.imageRect.extent.height = 0;
    report("xrEndFrame", "emptyRect", xrEndFrame(w->session, &endInfo));
    projectionViews[0].subImage.imageRect.extent.height = (int32_t)w->eyeHeight;
    projectionViews[0].next = &unknownLink;
    projection.next = &unknownLink;
    endInfo.next = &unknownLink;
    report("xrEndFrame", "unknownNextEverywhere", xrEndFrame(w->session, &endInfo));
    report("xrEndFrame", "afterEnd", xrEndFrame(w->session, &endInfo));
}

int main(void) {
    HostVulkan vk = {0};
    World w = {0};
    w.instance = host_create_instance("call_walk");
    w.system = host_get_system(w.instance);
    XrViewConfigurationView eyes[2] = {{XR_TYPE_VIEW_CONFIGURATION_VIEW}, {XR_TYPE_VIEW_CONFIGURATION_VIEW}};
    uint32_t count = 0;
    HOST_CHECK(xrEnumerateViewConfigurationViews(w.instance, w.system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 2,
                                                 &count, eyes));
    w.eyeWidth = eyes[0].recommendedImageRectWidth;
    w.eyeHeight = eyes[0].recommendedImageRectHeight;
    walkInstanceCalls(&w);

    host_prepare_vulkan(w.instance, w.system, &vk);
    w.session = host_create_session(w.instance, w.system, &vk);
    host_begin_session(w.instance, w.session);
    XrReferenceSpaceCreateInfo spaceInfo = {XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
    spaceInfo.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL;
    spaceInfo.poseInReferenceSpace.orientation.w = 1.0f;
    HOST_CHECK(xrCreateReferenceSpace(w.session, &spaceInfo, &w.space));

    int64_t formats[64];
    uint32_t formatCount = 0;
    HOST_CHECK(xrEnumerateSwapchainFormats(w.session, 64, &formatCount, formats));
    XrSwapchainCreateInfo info = {XR_TYPE_SWAPCHAIN_CREATE_INFO};
    info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT;
    info.format = formats[0];
    info.sampleCount = 1;
    info.width = w.eyeWidth;
    info.height = w.eyeHeight;
    info.faceCount = 1;
    info.arraySize = 1;
    info.mipCount = 1;
    w.swapchainInfo = info;
    HOST_CHECK(xrCreateSwapchain(w.session, &info, &w.destroyedSwapchain));
    HOST_CHECK(xrDestroySwapchain(w.destroyedSwapchain));
    HOST_CHECK(xrCreateSwapchain(w.session, &info, &w.swapchain));
    walkSwapchainCalls(&w);

    /* Views for the frame. */
    XrFrameWaitInfo waitInfo = {XR_TYPE_FRAME_WAIT_INFO};
    XrFrameState state = {XR_TYPE_FRAME_STATE};
    HOST_CHECK(xrWaitFrame(w.session, &waitInfo, &state));
    XrViewLocateInfo locate = {XR_TYPE_VIEW_LOCATE_INFO};
    locate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    locate.displayTime = state.predictedDisplayTime;
    locate.space = w.space;
    XrViewState viewState = {XR_TYPE_VIEW_STATE};
    XrView views[2] = {{XR_TYPE_VIEW}, {XR_TYPE_VIEW}};
    report("xrLocateViews", "nullHandle", xrLocateViews(XR_NULL_HANDLE, &locate, &viewState, 2, &count, views));
    report("xrLocateViews", "bogusHandle", xrLocateViews(BOGUS(XrSession), &locate, &viewState, 2, &count, views));
    report("xrLocateViews", "nullInput", xrLocateViews(w.session, NULL, &viewState, 2, &count, views));
    report("xrLocateViews", "nullCount", xrLocateViews(w.session, &locate, &viewState, 2, NULL, views));
    report("xrLocateViews", "capacityOneShort", xrLocateViews(w.session, &locate, &viewState, 1, &count, views));
    locate.next = &unknownLink;
    report("xrLocateViews", "unknownInputNext", xrLocateViews(w.session, &locate, &viewState, 2, &count, views));
    locate.next = NULL;
    locate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO;
    report("xrLocateViews", "quadNotEnabled", xrLocateViews(w.session, &locate, &viewState, 2, &count, views));
    locate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;

    XrSessionActionSetsAttachInfo attach = {XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO};
    report("xrAttachSessionActionSets", "nullHandle", xrAttachSessionActionSets(XR_NULL_HANDLE, &attach));
    report("xrAttachSessionActionSets", "bogusHandle", xrAttachSessionActionSets(BOGUS(XrSession), &attach));
    report("xrAttachSessionActionSets", "nullInput", xrAttachSessionActionSets(w.session, NULL));
    XrActionsSyncInfo sync = {XR_TYPE_ACTIONS_SYNC_INFO};
    report("xrSyncActions", "nullHandle", xrSyncActions(XR_NULL_HANDLE, &sync));
    report("xrSyncActions", "bogusHandle", xrSyncActions(BOGUS(XrSession), &sync));
    report("xrSyncActions", "nullInput", xrSyncActions(w.session, NULL));
    /* No action sets: nothing to sync, but not an error (a session not
     * focused says so with a success code). */
    report("xrSyncActions", "valid", xrSyncActions(w.session, &sync));
    XrSessionBeginInfo begin = {XR_TYPE_SESSION_BEGIN_INFO};
    begin.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    report("xrBeginSession", "nullHandle", xrBeginSession(XR_NULL_HANDLE, &begin));
    report("xrBeginSession", "bogusHandle", xrBeginSession(BOGUS(XrSession), &begin));
    report("xrBeginSession", "alreadyRunning", xrBeginSession(w.session, &begin));
    /* Close the frame that was waited for, then walk a fresh one. */
    XrFrameBeginInfo beginInfo = {XR_TYPE_FRAME_BEGIN_INFO};
    HOST_CHECK(xrBeginFrame(w.session, &beginInfo));
    XrFrameEndInfo empty = {XR_TYPE_FRAME_END_INFO};
    empty.displayTime = state.predictedDisplayTime;
    empty.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    HOST_CHECK(xrEndFrame(w.session, &empty));
    walkFrameCalls(&w, views);

    report("xrDestroySwapchain", "valid", xrDestroySwapchain(w.swapchain));
    host_end_session(w.instance, w.session);
    report("xrDestroySession", "nullHandle", xrDestroySession(XR_NULL_HANDLE));
    report("xrDestroySession", "bogusHandle", xrDestroySession(BOGUS(XrSession)));
    report("xrDestroySession", "valid", xrDestroySession(w.session));
    report("xrDestroySession", "destroyedHandle", xrDestroySession(w.session));
    /* xrDestroyInstance of a bogus handle crashes the loader itself: left out. */
    report("xrDestroyInstance", "valid", xrDestroyInstance(w.instance));
    host_destroy_vulkan(&vk);
    return 0;
}
