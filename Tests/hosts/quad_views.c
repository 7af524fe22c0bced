/*
 * Drives XR_VARJO_quad_views on XrSim through the real loader, as an app
 * rendering foveated would: the quad view configuration's enumeration, sizes
 * and fovs, a session begun with it, and frames submitting a projection layer
 * of 4 views, each cleared to its own colour so that XRSIM_DUMP_DIR shows which
 * image went where. Checks print "ok <what>" or "FAIL <what>: <detail>"; the
 * exit status is the number of failures. Also prints
 *   view <i> recommended <w>x<h> max <w>x<h>
 *   fov <i> <left> <right> <up> <down> pos <x> <y> <z>
 * Run with XRSIM_EXTENSIONS naming the extension. Colours of view i:
 * R = 40 + 50 i, G = 200 - 40 i, B = 10 i, A = 255.
 */
/* unsetenv */
#define _POSIX_C_SOURCE 200809L
#include "host_common.h"
#include "host_checks.h"
#include "host_targets.h"

#define VIEWS 4
#define FRAMES 4

static XrResult create_instance(int withQuad, XrInstance *instance) {
    const char *const extensions[] = {XR_KHR_VULKAN_ENABLE_EXTENSION_NAME, XR_VARJO_QUAD_VIEWS_EXTENSION_NAME};
    XrInstanceCreateInfo info = {XR_TYPE_INSTANCE_CREATE_INFO};
    strncpy(info.applicationInfo.applicationName, "quad_views", XR_MAX_APPLICATION_NAME_SIZE - 1);
    strncpy(info.applicationInfo.engineName, "xrperf-test-host", XR_MAX_ENGINE_NAME_SIZE - 1);
    info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
    info.enabledExtensionCount = withQuad ? 2 : 1;
    info.enabledExtensionNames = extensions;
    return xrCreateInstance(&info, instance);
}

static uint32_t view_configurations(XrInstance instance, XrSystemId system, XrViewConfigurationType *types) {
    uint32_t count = 0;
    HOST_CHECK(xrEnumerateViewConfigurations(instance, system, 0, &count, NULL));
    if (count > 4) exit(1);
    HOST_CHECK(xrEnumerateViewConfigurations(instance, system, count, &count, types));
    return count;
}

static void quad_views(XrInstance instance, XrSystemId system, HostVulkan *vk) {
    char detail[160];
    const XrViewConfigurationType quad = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO;
    XrViewConfigurationType types[4];
    uint32_t count = view_configurations(instance, system, types);
    snprintf(detail, sizeof(detail), "%u configurations, first %d", count, count ? (int)types[0] : -1);
    expect(count == 2 && types[0] == XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO && types[1] == quad, "enumerate.stereoThenQuad",
           detail);

    XrViewConfigurationProperties properties = {XR_TYPE_VIEW_CONFIGURATION_PROPERTIES};
    HOST_CHECK(xrGetViewConfigurationProperties(instance, system, quad, &properties));
    expect(properties.viewConfigurationType == quad, "properties.type", "wrong type");

    XrViewConfigurationView configViews[VIEWS];
    for (int i = 0; i < VIEWS; i++) configViews[i] = (XrViewConfigurationView){XR_TYPE_VIEW_CONFIGURATION_VIEW};
    uint32_t viewCount = 0;
    HOST_CHECK(xrEnumerateViewConfigurationViews(instance, system, quad, 0, &viewCount, NULL));
    expect(viewCount == VIEWS, "views.count", "not 4 views");
    expect_result(xrEnumerateViewConfigurationViews(instance, system, quad, 2, &viewCount, configViews),
                  XR_ERROR_SIZE_INSUFFICIENT, "views.capacityTwo");
    HOST_CHECK(xrEnumerateViewConfigurationViews(instance, system, quad, VIEWS, &viewCount, configViews));
    for (int i = 0; i < VIEWS; i++) {
        printf("view %d recommended %ux%u max %ux%u\n", i, configViews[i].recommendedImageRectWidth,
               configViews[i].recommendedImageRectHeight, configViews[i].maxImageRectWidth, configViews[i].maxImageRectHeight);
    }
    expect(configViews[2].recommendedImageRectWidth < configViews[0].recommendedImageRectWidth &&
               configViews[3].recommendedImageRectHeight < configViews[1].recommendedImageRectHeight,
           "views.focusSmaller", "focus views not smaller than the eyes'");

    XrEnvironmentBlendMode modes[4];
    uint32_t modeCount = 0;
    HOST_CHECK(xrEnumerateEnvironmentBlendModes(instance, system, quad, 4, &modeCount, modes));
    expect(modeCount == 1 && modes[0] == XR_ENVIRONMENT_BLEND_MODE_OPAQUE, "blendModes.opaque", "not just OPAQUE");

    XrSession session = host_create_session(instance, system, vk);
    if (!host_wait_for_state(instance, XR_SESSION_STATE_READY, 100)) { printf("FAIL never READY\n"); exit(1); }
    XrSessionBeginInfo beginInfo = {XR_TYPE_SESSION_BEGIN_INFO};
    beginInfo.primaryViewConfigurationType = quad;
    HOST_CHECK(xrBeginSession(session, &beginInfo));

    XrReferenceSpaceCreateInfo spaceInfo = {XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
    spaceInfo.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL;
    spaceInfo.poseInReferenceSpace.orientation.w = 1;
    XrSpace local = XR_NULL_HANDLE;
    HOST_CHECK(xrCreateReferenceSpace(session, &spaceInfo, &local));

    HostTarget targets[VIEWS];
    for (int i = 0; i < VIEWS; i++) {
        targets[i] = host_create_target(session, configViews[i].recommendedImageRectWidth,
                                        configViews[i].recommendedImageRectHeight);
    }
    HostCommands commands = host_create_commands(vk);

    for (int frame = 0; frame < FRAMES; frame++) {
        XrFrameWaitInfo waitInfo = {XR_TYPE_FRAME_WAIT_INFO};
        XrFrameState state = {XR_TYPE_FRAME_STATE};
        HOST_CHECK(xrWaitFrame(session, &waitInfo, &state));
        XrFrameBeginInfo frameBegin = {XR_TYPE_FRAME_BEGIN_INFO};
        HOST_CHECK(xrBeginFrame(session, &frameBegin));

        XrView views[VIEWS];
        for (int i = 0; i < VIEWS; i++) views[i] = (XrView){XR_TYPE_VIEW};
        XrViewLocateInfo locateInfo = {XR_TYPE_VIEW_LOCATE_INFO};
        locateInfo.viewConfigurationType = quad;
        locateInfo.displayTime = state.predictedDisplayTime;
        locateInfo.space = local;
        XrViewState viewState = {XR_TYPE_VIEW_STATE};
        uint32_t located = 0;
        if (frame == 0) {
            expect_result(xrLocateViews(session, &locateInfo, &viewState, 2, &located, views), XR_ERROR_SIZE_INSUFFICIENT,
                          "locate.capacityTwo");
        }
        HOST_CHECK(xrLocateViews(session, &locateInfo, &viewState, VIEWS, &located, views));
        if (frame == 0) {
            expect(located == VIEWS, "locate.fourViews", "not 4 views located");
            for (int i = 0; i < VIEWS; i++) {
                printf("fov %d %.6f %.6f %.6f %.6f pos %.6f %.6f %.6f\n", i, views[i].fov.angleLeft, views[i].fov.angleRight,
                       views[i].fov.angleUp, views[i].fov.angleDown, views[i].pose.position.x, views[i].pose.position.y,
                       views[i].pose.position.z);
            }
            int samePoses = 1, inside = 1;
            for (int i = 2; i < VIEWS; i++) {
                const XrView *eye = &views[i - 2], *focus = &views[i];
                samePoses &= memcmp(&eye->pose, &focus->pose, sizeof(XrPosef)) == 0;
                inside &= focus->fov.angleLeft > eye->fov.angleLeft && focus->fov.angleRight < eye->fov.angleRight &&
                          focus->fov.angleUp < eye->fov.angleUp && focus->fov.angleDown > eye->fov.angleDown &&
                          focus->fov.angleLeft < 0 && focus->fov.angleRight > 0 && focus->fov.angleDown < 0 &&
                          focus->fov.angleUp > 0;
            }
            expect(samePoses, "locate.focusAtTheEyes", "focus view poses differ from the eyes'");
            expect(inside, "locate.focusInside", "focus fov not strictly inside its eye's");
        }

        XrCompositionLayerProjectionView projectionViews[VIEWS];
        for (int i = 0; i < VIEWS; i++) {
            host_fill(vk, &commands, &targets[i], 40 + 50 * i, 200 - 40 * i, 10 * i);
            projectionViews[i] = (XrCompositionLayerProjectionView){XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW};
            projectionViews[i].pose = views[i].pose;
            projectionViews[i].fov = views[i].fov;
            projectionViews[i].subImage.swapchain = targets[i].swapchain;
            projectionViews[i].subImage.imageRect.extent.width = (int32_t)targets[i].width;
            projectionViews[i].subImage.imageRect.extent.height = (int32_t)targets[i].height;
        }
        XrCompositionLayerProjection projection = {XR_TYPE_COMPOSITION_LAYER_PROJECTION};
        projection.space = local;
        projection.views = projectionViews;
        const XrCompositionLayerBaseHeader *layers[1] = {(const XrCompositionLayerBaseHeader *)&projection};
        XrFrameEndInfo endInfo = {XR_TYPE_FRAME_END_INFO};
        endInfo.displayTime = state.predictedDisplayTime;
        endInfo.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
        endInfo.layerCount = 1;
        endInfo.layers = layers;
        if (frame == 1) {
            /* A stereo-sized layer in a quad session: the spec's validation failure, frame stays begun. */
            projection.viewCount = 2;
            expect_result(xrEndFrame(session, &endInfo), XR_ERROR_VALIDATION_FAILURE, "endFrame.twoViews");
            projection.viewCount = 3;
            expect_result(xrEndFrame(session, &endInfo), XR_ERROR_VALIDATION_FAILURE, "endFrame.threeViews");
        }
        projection.viewCount = VIEWS;
        expect_result(xrEndFrame(session, &endInfo), XR_SUCCESS, "endFrame.fourViews");
    }

    host_destroy_commands(vk, &commands);
    for (int i = 0; i < VIEWS; i++) HOST_CHECK(xrDestroySwapchain(targets[i].swapchain));
    host_end_session(instance, session);
    HOST_CHECK(xrDestroySession(session));
}

/* Offered but not enabled, or not offered: stereo only. */
static void stereo_only(XrInstance instance, XrSystemId system, HostVulkan *vk, const char *what) {
    char name[96];
    XrViewConfigurationType types[4];
    uint32_t count = view_configurations(instance, system, types);
    snprintf(name, sizeof(name), "%s.enumerate", what);
    expect(count == 1 && types[0] == XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, name, "not just stereo");
    const XrViewConfigurationType quad = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO;
    XrViewConfigurationProperties properties = {XR_TYPE_VIEW_CONFIGURATION_PROPERTIES};
    snprintf(name, sizeof(name), "%s.properties", what);
    expect_result(xrGetViewConfigurationProperties(instance, system, quad, &properties),
                  XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED, name);
    uint32_t viewCount = 0;
    snprintf(name, sizeof(name), "%s.views", what);
    expect_result(xrEnumerateViewConfigurationViews(instance, system, quad, 0, &viewCount, NULL),
                  XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED, name);
    host_prepare_vulkan(instance, system, vk);
    XrSession session = host_create_session(instance, system, vk);
    if (!host_wait_for_state(instance, XR_SESSION_STATE_READY, 100)) { printf("FAIL never READY\n"); exit(1); }
    XrSessionBeginInfo beginInfo = {XR_TYPE_SESSION_BEGIN_INFO};
    beginInfo.primaryViewConfigurationType = quad;
    snprintf(name, sizeof(name), "%s.beginSession", what);
    expect_result(xrBeginSession(session, &beginInfo), XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED, name);
    HOST_CHECK(xrDestroySession(session));
}

int main(void) {
    expect(offers(XR_VARJO_QUAD_VIEWS_EXTENSION_NAME), "offered", "not offered");
    XrInstance instance = XR_NULL_HANDLE;
    HOST_CHECK(create_instance(1, &instance));
    XrSystemId system = host_get_system(instance);
    HostVulkan vk = {0};
    host_prepare_vulkan(instance, system, &vk);
    quad_views(instance, system, &vk);
    HOST_CHECK(xrDestroyInstance(instance));

    HOST_CHECK(create_instance(0, &instance));
    stereo_only(instance, host_get_system(instance), &vk, "notEnabled");
    HOST_CHECK(xrDestroyInstance(instance));

    unsetenv("XRSIM_EXTENSIONS");
    expect(!offers(XR_VARJO_QUAD_VIEWS_EXTENSION_NAME), "notOffered.listed", "still listed");
    instance = XR_NULL_HANDLE;
    XrResult result = create_instance(1, &instance);
    expect_result(result, XR_ERROR_EXTENSION_NOT_PRESENT, "notOffered.create");
    if (XR_SUCCEEDED(result)) xrDestroyInstance(instance);
    host_destroy_vulkan(&vk);
    printf("failures %d\n", failures);
    return failures;
}
