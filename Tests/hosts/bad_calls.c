/*
 * Calls every function xrperf intercepts the wrong way on purpose and prints
 * what came back, one "case result" line each. Run with and without the
 * layer: the two outputs must be identical, i.e. the layer neither hides the
 * runtime's error nor invents one, and never crashes on what it is handed.
 */
#include "host_common.h"

static void report(const char *name, XrResult result) { printf("%-44s %d\n", name, (int)result); }

/* A struct no runtime knows, to check that `next` chains reach the runtime
 * untouched (it must ignore the unknown link and succeed). */
typedef struct UnknownChainLink {
    XrStructureType type;
    const void *next;
    uint64_t payload;
} UnknownChainLink;

int main(void) {
    HostVulkan vk = {0};
    XrInstance instance = host_create_instance("bad_calls");
    XrSystemId system = host_get_system(instance);
    XrInstance bogusInstance = (XrInstance)(uintptr_t)0x7777;
    XrSession bogusSession = (XrSession)(uintptr_t)0x5555;
    XrSwapchain bogusSwapchain = (XrSwapchain)(uintptr_t)0x3333;

    /* Instance-level functions. */
    report("pollEvent.nullBuffer", xrPollEvent(instance, NULL));
    XrEventDataBuffer wrongEvent = {XR_TYPE_FRAME_STATE};
    report("pollEvent.wrongType", xrPollEvent(instance, &wrongEvent));
    XrEventDataBuffer event = {XR_TYPE_EVENT_DATA_BUFFER};
    report("pollEvent.bogusInstance", xrPollEvent(bogusInstance, &event));
    uint32_t count = 0;
    report("viewConfigViews.unsupportedType",
           xrEnumerateViewConfigurationViews(instance, system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO, 0, &count, NULL));
    report("viewConfigViews.nullCount",
           xrEnumerateViewConfigurationViews(instance, system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 0, NULL, NULL));
    XrViewConfigurationView oneView = {XR_TYPE_VIEW_CONFIGURATION_VIEW};
    report("viewConfigViews.capacityTooSmall",
           xrEnumerateViewConfigurationViews(instance, system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 1, &count, &oneView));
    XrViewConfigurationView wrongViews[2] = {{XR_TYPE_VIEW}, {XR_TYPE_VIEW}};
    report("viewConfigViews.wrongType",
           xrEnumerateViewConfigurationViews(instance, system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 2, &count, wrongViews));
    report("viewConfigViews.badSystem",
           xrEnumerateViewConfigurationViews(instance, 0x4242, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 0, &count, NULL));
    /* Eye buffers at the recommended size, as apps make them: with a render
     * scale below 1 the layer substitutes them, and every wrong call below
     * must still get what the runtime would answer. */
    XrViewConfigurationView eyeViews[2] = {{XR_TYPE_VIEW_CONFIGURATION_VIEW}, {XR_TYPE_VIEW_CONFIGURATION_VIEW}};
    HOST_CHECK(xrEnumerateViewConfigurationViews(instance, system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 2, &count,
                                                 eyeViews));
    const int32_t eyeWidth = (int32_t)eyeViews[0].recommendedImageRectWidth;
    const int32_t eyeHeight = (int32_t)eyeViews[0].recommendedImageRectHeight;

    /* A function of an extension the app did not enable. */
    PFN_xrVoidFunction notEnabled = NULL;
    report("getInstanceProcAddr.extensionNotEnabled",
           xrGetInstanceProcAddr(instance, "xrGetRecommendedLayerResolutionMETA", &notEnabled));

    /* Sessions: the runtime insists on the graphics requirements call first. */
    XrSession session = XR_NULL_HANDLE;
    XrSessionCreateInfo noBinding = {XR_TYPE_SESSION_CREATE_INFO};
    noBinding.systemId = system;
    report("createSession.beforeRequirements", xrCreateSession(instance, &noBinding, &session));
    host_prepare_vulkan(instance, system, &vk);
    report("createSession.nullInfo", xrCreateSession(instance, NULL, &session));
    XrSessionCreateInfo wrongInfo = {XR_TYPE_SWAPCHAIN_CREATE_INFO};
    report("createSession.wrongType", xrCreateSession(instance, &wrongInfo, &session));
    report("createSession.noBinding", xrCreateSession(instance, &noBinding, &session));
    report("createSession.bogusInstance", xrCreateSession(bogusInstance, &noBinding, &session));
    session = host_create_session(instance, system, &vk);

    /* Frame calls before the session runs, then out of order. */
    XrFrameWaitInfo waitInfo = {XR_TYPE_FRAME_WAIT_INFO};
    XrFrameState frameState = {XR_TYPE_FRAME_STATE};
    report("waitFrame.notRunning", xrWaitFrame(session, &waitInfo, &frameState));
    XrFrameBeginInfo beginInfo = {XR_TYPE_FRAME_BEGIN_INFO};
    report("beginFrame.notRunning", xrBeginFrame(session, &beginInfo));
    host_begin_session(instance, session);
    report("beginFrame.withoutWait", xrBeginFrame(session, &beginInfo));
    XrFrameEndInfo endInfo = {XR_TYPE_FRAME_END_INFO};
    endInfo.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    endInfo.displayTime = 1;
    report("endFrame.withoutBegin", xrEndFrame(session, &endInfo));
    report("waitFrame.nullState", xrWaitFrame(session, &waitInfo, NULL));
    XrFrameState wrongState = {XR_TYPE_FRAME_WAIT_INFO};
    report("waitFrame.wrongStateType", xrWaitFrame(session, &waitInfo, &wrongState));
    report("waitFrame.bogusSession", xrWaitFrame(bogusSession, &waitInfo, &frameState));
    UnknownChainLink unknown = {(XrStructureType)0x7ABC0001, NULL, 42};
    XrFrameWaitInfo chainedWait = {XR_TYPE_FRAME_WAIT_INFO, &unknown};
    report("waitFrame.unknownNextStruct", xrWaitFrame(session, &chainedWait, &frameState));
    XrFrameBeginInfo chainedBegin = {XR_TYPE_FRAME_BEGIN_INFO, &unknown};
    report("beginFrame.unknownNextStruct", xrBeginFrame(session, &chainedBegin));
    XrFrameEndInfo wrongEnd = endInfo;
    wrongEnd.type = XR_TYPE_FRAME_BEGIN_INFO;
    report("endFrame.wrongType", xrEndFrame(session, &wrongEnd));
    endInfo.displayTime = frameState.predictedDisplayTime;
    endInfo.environmentBlendMode = (XrEnvironmentBlendMode)0x7777;
    report("endFrame.badBlendMode", xrEndFrame(session, &endInfo));
    endInfo.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    const XrCompositionLayerBaseHeader *nullLayer[1] = {NULL};
    endInfo.layerCount = 1;
    endInfo.layers = nullLayer;
    report("endFrame.nullLayer", xrEndFrame(session, &endInfo));
    endInfo.layerCount = 0;
    endInfo.layers = NULL;
    report("endFrame.nullInfo", xrEndFrame(session, NULL));
    report("endFrame.valid", xrEndFrame(session, &endInfo));

    /* Views. */
    XrReferenceSpaceCreateInfo spaceInfo = {XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
    spaceInfo.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL;
    spaceInfo.poseInReferenceSpace.orientation.w = 1.0f;
    XrSpace space = XR_NULL_HANDLE;
    HOST_CHECK(xrCreateReferenceSpace(session, &spaceInfo, &space));
    XrViewLocateInfo locateInfo = {XR_TYPE_VIEW_LOCATE_INFO};
    locateInfo.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    locateInfo.displayTime = frameState.predictedDisplayTime;
    locateInfo.space = space;
    XrViewState viewState = {XR_TYPE_VIEW_STATE};
    XrView views[2] = {{XR_TYPE_VIEW}, {XR_TYPE_VIEW}};
    report("locateViews.nullViewState", xrLocateViews(session, &locateInfo, NULL, 2, &count, views));
    XrViewState wrongViewState = {XR_TYPE_VIEW};
    report("locateViews.wrongViewStateType", xrLocateViews(session, &locateInfo, &wrongViewState, 2, &count, views));
    report("locateViews.capacityTooSmall", xrLocateViews(session, &locateInfo, &viewState, 1, &count, views));
    XrViewLocateInfo wrongLocate = locateInfo;
    wrongLocate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO;
    report("locateViews.wrongConfiguration", xrLocateViews(session, &wrongLocate, &viewState, 2, &count, views));
    report("locateViews.valid", xrLocateViews(session, &locateInfo, &viewState, 2, &count, views));
    report("locateViews.bogusSession", xrLocateViews(bogusSession, &locateInfo, &viewState, 2, &count, views));

    /* Swapchains. */
    int64_t formats[64];
    uint32_t formatCount = 0;
    HOST_CHECK(xrEnumerateSwapchainFormats(session, 64, &formatCount, formats));
    XrSwapchainCreateInfo swapchainInfo = {XR_TYPE_SWAPCHAIN_CREATE_INFO};
    swapchainInfo.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT;
    swapchainInfo.format = VK_FORMAT_R64G64B64A64_SFLOAT;
    swapchainInfo.sampleCount = 1;
    swapchainInfo.width = 64;
    swapchainInfo.height = 64;
    swapchainInfo.faceCount = 1;
    swapchainInfo.arraySize = 1;
    swapchainInfo.mipCount = 1;
    XrSwapchain swapchain = XR_NULL_HANDLE;
    report("createSwapchain.unsupportedFormat", xrCreateSwapchain(session, &swapchainInfo, &swapchain));
    report("createSwapchain.nullInfo", xrCreateSwapchain(session, NULL, &swapchain));
    swapchainInfo.format = formats[0];
    swapchainInfo.type = XR_TYPE_SESSION_CREATE_INFO;
    report("createSwapchain.wrongType", xrCreateSwapchain(session, &swapchainInfo, &swapchain));
    swapchainInfo.type = XR_TYPE_SWAPCHAIN_CREATE_INFO;
    swapchainInfo.width = 0;
    report("createSwapchain.zeroWidth", xrCreateSwapchain(session, &swapchainInfo, &swapchain));
    swapchainInfo.width = 64;
    report("createSwapchain.bogusSession", xrCreateSwapchain(bogusSession, &swapchainInfo, &swapchain));
    /* A format the runtime offers that the layer's pass cannot write: it must
     * pass through (and work) as the app asked. */
    for (uint32_t i = 0; i < formatCount; i++) {
        if (formats[i] != VK_FORMAT_R16G16B16A16_UNORM) continue;
        XrSwapchainCreateInfo wideInfo = swapchainInfo;
        wideInfo.format = VK_FORMAT_R16G16B16A16_UNORM;
        wideInfo.width = (uint32_t)eyeWidth;
        wideInfo.height = (uint32_t)eyeHeight;
        XrSwapchain wide = XR_NULL_HANDLE;
        report("createSwapchain.rgba16Unorm.valid", xrCreateSwapchain(session, &wideInfo, &wide));
        report("destroySwapchain.rgba16Unorm.valid", xrDestroySwapchain(wide));
    }
    swapchainInfo.width = (uint32_t)eyeWidth;
    swapchainInfo.height = (uint32_t)eyeHeight;
    HOST_CHECK(xrCreateSwapchain(session, &swapchainInfo, &swapchain));

    XrSwapchainImageVulkanKHR images[8];
    for (int i = 0; i < 8; i++) {
        memset(&images[i], 0, sizeof(images[i]));
        images[i].type = XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR;
    }
    report("enumerateImages.nullCount", xrEnumerateSwapchainImages(swapchain, 0, NULL, NULL));
    report("enumerateImages.capacityTooSmall",
           xrEnumerateSwapchainImages(swapchain, 1, &count, (XrSwapchainImageBaseHeader *)images));
    images[0].type = XR_TYPE_SWAPCHAIN_IMAGE_OPENGL_KHR;
    report("enumerateImages.wrongType",
           xrEnumerateSwapchainImages(swapchain, 8, &count, (XrSwapchainImageBaseHeader *)images));
    report("enumerateImages.bogusSwapchain", xrEnumerateSwapchainImages(bogusSwapchain, 0, &count, NULL));

    XrSwapchainImageWaitInfo imageWait = {XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO};
    imageWait.timeout = XR_INFINITE_DURATION;
    XrSwapchainImageReleaseInfo release = {XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO};
    XrSwapchainImageAcquireInfo acquire = {XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO};
    uint32_t index = 0;
    report("waitImage.withoutAcquire", xrWaitSwapchainImage(swapchain, &imageWait));
    report("releaseImage.withoutWait", xrReleaseSwapchainImage(swapchain, &release));
    report("acquireImage.nullIndex", xrAcquireSwapchainImage(swapchain, &acquire, NULL));
    XrSwapchainImageAcquireInfo wrongAcquire = {XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO};
    report("acquireImage.wrongType", xrAcquireSwapchainImage(swapchain, &wrongAcquire, &index));
    report("acquireImage.valid", xrAcquireSwapchainImage(swapchain, &acquire, &index));
    report("releaseImage.beforeWait", xrReleaseSwapchainImage(swapchain, &release));
    XrSwapchainImageWaitInfo wrongWait = {XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO};
    report("waitImage.wrongType", xrWaitSwapchainImage(swapchain, &wrongWait));
    report("waitImage.valid", xrWaitSwapchainImage(swapchain, &imageWait));

    /* A projection layer whose image is still held by the app. */
    HOST_CHECK(xrWaitFrame(session, &waitInfo, &frameState));
    HOST_CHECK(xrBeginFrame(session, &beginInfo));
    XrCompositionLayerProjectionView projectionViews[2];
    for (int eye = 0; eye < 2; eye++) {
        memset(&projectionViews[eye], 0, sizeof(projectionViews[eye]));
        projectionViews[eye].type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW;
        projectionViews[eye].pose = views[eye].pose;
        projectionViews[eye].fov = views[eye].fov;
        projectionViews[eye].subImage.swapchain = swapchain;
        projectionViews[eye].subImage.imageRect.extent.width = eyeWidth;
        projectionViews[eye].subImage.imageRect.extent.height = eyeHeight;
    }
    XrCompositionLayerProjection projection = {XR_TYPE_COMPOSITION_LAYER_PROJECTION};
    projection.space = space;
    projection.viewCount = 2;
    projection.views = projectionViews;
    const XrCompositionLayerBaseHeader *layers[1] = {(const XrCompositionLayerBaseHeader *)&projection};
    endInfo.displayTime = frameState.predictedDisplayTime;
    endInfo.layerCount = 1;
    endInfo.layers = layers;
    report("endFrame.imageNotReleased", xrEndFrame(session, &endInfo));
    report("releaseImage.valid", xrReleaseSwapchainImage(swapchain, &release));
    projectionViews[1].subImage.imageRect.extent.width = eyeWidth + 1;
    report("endFrame.rectOutsideImage", xrEndFrame(session, &endInfo));
    projectionViews[1].subImage.imageRect.extent.width = eyeWidth;
    projectionViews[0].subImage.imageRect.offset.x = -1;
    report("endFrame.negativeRectOffset", xrEndFrame(session, &endInfo));
    projectionViews[0].subImage.imageRect.offset.x = 0;
    projectionViews[0].subImage.imageArrayIndex = 1;
    report("endFrame.arrayIndexOutOfRange", xrEndFrame(session, &endInfo));
    projectionViews[0].subImage.imageArrayIndex = 0;
    projection.viewCount = 1;
    report("endFrame.wrongViewCount", xrEndFrame(session, &endInfo));
    projection.viewCount = 2;
    report("endFrame.validProjection", xrEndFrame(session, &endInfo));
    /* A sub-rectangle: the right half of the image for both eyes. */
    for (int eye = 0; eye < 2; eye++) {
        projectionViews[eye].subImage.imageRect.offset.x = eyeWidth / 2;
        projectionViews[eye].subImage.imageRect.extent.width = eyeWidth - eyeWidth / 2;
    }
    HOST_CHECK(xrWaitFrame(session, &waitInfo, &frameState));
    HOST_CHECK(xrBeginFrame(session, &beginInfo));
    endInfo.displayTime = frameState.predictedDisplayTime;
    report("endFrame.subRect.valid", xrEndFrame(session, &endInfo));

    report("destroySwapchain.valid", xrDestroySwapchain(swapchain));
    report("destroySwapchain.again", xrDestroySwapchain(swapchain));
    report("acquireImage.destroyedSwapchain", xrAcquireSwapchainImage(swapchain, &acquire, &index));
    report("destroySwapchain.null", xrDestroySwapchain(XR_NULL_HANDLE));

    host_end_session(instance, session);
    report("destroySession.valid", xrDestroySession(session));
    report("waitFrame.destroyedSession", xrWaitFrame(session, &waitInfo, &frameState));
    report("destroySession.again", xrDestroySession(session));
    report("destroyInstance.valid", xrDestroyInstance(instance));
    host_destroy_vulkan(&vk);
    return 0;
}
