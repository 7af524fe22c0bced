/*
 * Submits every single-image composition layer type through the real loader:
 * a stereo projection layer, then a quad, a cylinder, an equirect and an
 * equirect2 layer that all show one "panel" swapchain sized like an eye
 * buffer, which no projection view shows. With xrperf at a render scale the
 * panel is substituted like an eye buffer, so each of these layers must
 * reach the runtime pointing at the runtime's image, released.
 * Also checks what a runtime refuses: an equirect2 layer showing a swapchain
 * none of whose images was ever released is XR_ERROR_LAYER_INVALID.
 * Colours: left eye (200, 40, 40), right eye (40, 200, 40), panel (60, 90, 220).
 * Prints "ok <what>" / "FAIL <what>: <detail>", "panel <w>x<h>"; exits with
 * the number of failures.
 */
#include "host_common.h"
#include "host_checks.h"
#include "host_targets.h"

#define FRAMES 4

static XrSwapchainSubImage whole(const HostTarget *target) {
    XrSwapchainSubImage subImage = {0};
    subImage.swapchain = target->swapchain;
    subImage.imageRect.extent.width = (int32_t)target->width;
    subImage.imageRect.extent.height = (int32_t)target->height;
    return subImage;
}

int main(void) {
    expect(offers(XR_KHR_COMPOSITION_LAYER_CYLINDER_EXTENSION_NAME) && offers(XR_KHR_COMPOSITION_LAYER_EQUIRECT_EXTENSION_NAME) &&
               offers(XR_KHR_COMPOSITION_LAYER_EQUIRECT2_EXTENSION_NAME),
           "offered", "the runtime lacks a cylinder or equirect extension");
    const char *const extensions[] = {
        XR_KHR_VULKAN_ENABLE_EXTENSION_NAME, XR_KHR_COMPOSITION_LAYER_CYLINDER_EXTENSION_NAME,
        XR_KHR_COMPOSITION_LAYER_EQUIRECT_EXTENSION_NAME, XR_KHR_COMPOSITION_LAYER_EQUIRECT2_EXTENSION_NAME};
    XrInstance instance = host_create_instance_with("single_image_layers", extensions, 4);
    XrSystemId system = host_get_system(instance);
    HostVulkan vk = {0};
    host_prepare_vulkan(instance, system, &vk);

    XrViewConfigurationView configViews[2] = {{XR_TYPE_VIEW_CONFIGURATION_VIEW}, {XR_TYPE_VIEW_CONFIGURATION_VIEW}};
    uint32_t viewCount = 0;
    HOST_CHECK(xrEnumerateViewConfigurationViews(instance, system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 2, &viewCount,
                                                 configViews));
    XrSession session = host_create_session(instance, system, &vk);
    host_begin_session(instance, session);
    XrReferenceSpaceCreateInfo spaceInfo = {XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
    spaceInfo.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL;
    spaceInfo.poseInReferenceSpace.orientation.w = 1;
    XrSpace local = XR_NULL_HANDLE;
    HOST_CHECK(xrCreateReferenceSpace(session, &spaceInfo, &local));

    HostTarget eyes[2];
    for (int i = 0; i < 2; i++) {
        eyes[i] = host_create_target(session, configViews[i].recommendedImageRectWidth, configViews[i].recommendedImageRectHeight);
    }
    HostTarget panel = host_create_target(session, configViews[0].recommendedImageRectWidth,
                                          configViews[0].recommendedImageRectHeight);
    HostTarget neverReleased = host_create_target(session, configViews[0].recommendedImageRectWidth,
                                                  configViews[0].recommendedImageRectHeight);
    printf("panel %ux%u\n", panel.width, panel.height);
    HostCommands commands = host_create_commands(&vk);

    XrPosef ahead = {{0, 0, 0, 1}, {0, 0, -2}};
    for (int frame = 0; frame < FRAMES; frame++) {
        XrFrameWaitInfo waitInfo = {XR_TYPE_FRAME_WAIT_INFO};
        XrFrameState state = {XR_TYPE_FRAME_STATE};
        HOST_CHECK(xrWaitFrame(session, &waitInfo, &state));
        XrFrameBeginInfo frameBegin = {XR_TYPE_FRAME_BEGIN_INFO};
        HOST_CHECK(xrBeginFrame(session, &frameBegin));

        XrView views[2] = {{XR_TYPE_VIEW}, {XR_TYPE_VIEW}};
        XrViewLocateInfo locateInfo = {XR_TYPE_VIEW_LOCATE_INFO};
        locateInfo.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
        locateInfo.displayTime = state.predictedDisplayTime;
        locateInfo.space = local;
        XrViewState viewState = {XR_TYPE_VIEW_STATE};
        uint32_t located = 0;
        HOST_CHECK(xrLocateViews(session, &locateInfo, &viewState, 2, &located, views));

        host_fill(&vk, &commands, &eyes[0], 200, 40, 40);
        host_fill(&vk, &commands, &eyes[1], 40, 200, 40);
        host_fill(&vk, &commands, &panel, 60, 90, 220);
        XrCompositionLayerProjectionView projectionViews[2];
        for (int i = 0; i < 2; i++) {
            projectionViews[i] = (XrCompositionLayerProjectionView){XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW};
            projectionViews[i].pose = views[i].pose;
            projectionViews[i].fov = views[i].fov;
            projectionViews[i].subImage = whole(&eyes[i]);
        }
        XrCompositionLayerProjection projection = {XR_TYPE_COMPOSITION_LAYER_PROJECTION};
        projection.space = local;
        projection.viewCount = 2;
        projection.views = projectionViews;

        XrCompositionLayerQuad quad = {XR_TYPE_COMPOSITION_LAYER_QUAD};
        quad.space = local;
        quad.subImage = whole(&panel);
        quad.pose = ahead;
        quad.size = (XrExtent2Df){1, 1};
        XrCompositionLayerCylinderKHR cylinder = {XR_TYPE_COMPOSITION_LAYER_CYLINDER_KHR};
        cylinder.space = local;
        cylinder.subImage = whole(&panel);
        cylinder.pose = ahead;
        cylinder.radius = 2;
        cylinder.centralAngle = 1;
        cylinder.aspectRatio = 1;
        XrCompositionLayerEquirectKHR equirect = {XR_TYPE_COMPOSITION_LAYER_EQUIRECT_KHR};
        equirect.space = local;
        equirect.subImage = whole(&panel);
        equirect.pose = ahead;
        equirect.radius = 10;
        equirect.scale = (XrVector2f){1, 1};
        XrCompositionLayerEquirect2KHR equirect2 = {XR_TYPE_COMPOSITION_LAYER_EQUIRECT2_KHR};
        equirect2.space = local;
        equirect2.subImage = whole(&panel);
        equirect2.pose = ahead;
        equirect2.radius = 10;
        equirect2.centralHorizontalAngle = 2;
        equirect2.upperVerticalAngle = 0.5f;
        equirect2.lowerVerticalAngle = -0.5f;

        const XrCompositionLayerBaseHeader *layers[5] = {
            (const XrCompositionLayerBaseHeader *)&projection, (const XrCompositionLayerBaseHeader *)&quad,
            (const XrCompositionLayerBaseHeader *)&cylinder, (const XrCompositionLayerBaseHeader *)&equirect,
            (const XrCompositionLayerBaseHeader *)&equirect2};
        XrFrameEndInfo endInfo = {XR_TYPE_FRAME_END_INFO};
        endInfo.displayTime = state.predictedDisplayTime;
        endInfo.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
        endInfo.layers = layers;
        if (frame == 1) {
            /* Refused as a runtime refuses it; the frame stays begun. */
            equirect2.subImage = whole(&neverReleased);
            endInfo.layerCount = 5;
            expect_result(xrEndFrame(session, &endInfo), XR_ERROR_LAYER_INVALID, "endFrame.neverReleasedSwapchain");
            equirect2.subImage = whole(&panel);
        }
        endInfo.layerCount = 5;
        char what[64];
        snprintf(what, sizeof(what), "endFrame.everyLayerType.frame%d", frame);
        expect_result(xrEndFrame(session, &endInfo), XR_SUCCESS, what);
    }

    host_destroy_commands(&vk, &commands);
    HOST_CHECK(xrDestroySwapchain(neverReleased.swapchain));
    HOST_CHECK(xrDestroySwapchain(panel.swapchain));
    for (int i = 0; i < 2; i++) HOST_CHECK(xrDestroySwapchain(eyes[i].swapchain));
    HOST_CHECK(xrDestroySpace(local));
    host_end_session(instance, session);
    HOST_CHECK(xrDestroySession(session));
    HOST_CHECK(xrDestroyInstance(instance));
    host_destroy_vulkan(&vk);
    printf("failures %d\n", failures);
    return failures;
}
