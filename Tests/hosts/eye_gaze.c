/*
 * Drives XR_EXT_eye_gaze_interaction on XrSim through the real loader the way
 * xrperf's layer does: a gaze action set attached together with the app's,
 * both synced each frame, the gaze action space located at the predicted
 * display time. Checks print "ok <what>" or "FAIL <what>: <detail>"; the exit
 * status is the number of failures. Each frame also prints
 *   frame <N> active <0|1> flags <hex> dir <x> <y> <z> sample <t> display <t>
 * (N = the 0-based xrWaitFrame count; dir = the gaze's -Z in LOCAL) so the
 * test compares the gaze with XRSIM_GAZE itself. Run with XRSIM_EXTENSIONS
 * naming the extension; EYE_GAZE_FRAMES sets the frame count (default 16).
 */
/* unsetenv */
#define _POSIX_C_SOURCE 200809L
#include "host_common.h"
#include "host_checks.h"

static XrResult create_instance(int withGaze, XrInstance *instance) {
    const char *const extensions[] = {XR_KHR_VULKAN_ENABLE_EXTENSION_NAME, XR_EXT_EYE_GAZE_INTERACTION_EXTENSION_NAME};
    XrInstanceCreateInfo info = {XR_TYPE_INSTANCE_CREATE_INFO};
    strncpy(info.applicationInfo.applicationName, "eye_gaze", XR_MAX_APPLICATION_NAME_SIZE - 1);
    strncpy(info.applicationInfo.engineName, "xrperf-test-host", XR_MAX_ENGINE_NAME_SIZE - 1);
    info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
    info.enabledExtensionCount = withGaze ? 2 : 1;
    info.enabledExtensionNames = extensions;
    return xrCreateInstance(&info, instance);
}

static XrPath path(XrInstance instance, const char *text) {
    XrPath result = XR_NULL_PATH;
    HOST_CHECK(xrStringToPath(instance, text, &result));
    return result;
}

static XrActionSet create_set(XrInstance instance, const char *name) {
    XrActionSetCreateInfo info = {XR_TYPE_ACTION_SET_CREATE_INFO};
    strncpy(info.actionSetName, name, XR_MAX_ACTION_SET_NAME_SIZE - 1);
    strncpy(info.localizedActionSetName, name, XR_MAX_LOCALIZED_ACTION_SET_NAME_SIZE - 1);
    XrActionSet set = XR_NULL_HANDLE;
    HOST_CHECK(xrCreateActionSet(instance, &info, &set));
    return set;
}

static XrResult create_action(XrActionSet set, const char *name, XrActionType type, const XrPath *subaction, XrAction *action) {
    XrActionCreateInfo info = {XR_TYPE_ACTION_CREATE_INFO};
    strncpy(info.actionName, name, XR_MAX_ACTION_NAME_SIZE - 1);
    strncpy(info.localizedActionName, name, XR_MAX_LOCALIZED_ACTION_NAME_SIZE - 1);
    info.actionType = type;
    info.countSubactionPaths = subaction ? 1 : 0;
    info.subactionPaths = subaction;
    return xrCreateAction(set, &info, action);
}

static XrResult suggest(XrInstance instance, const char *profile, const XrActionSuggestedBinding *bindings, uint32_t count) {
    XrInteractionProfileSuggestedBinding info = {XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING};
    info.interactionProfile = path(instance, profile);
    info.suggestedBindings = bindings;
    info.countSuggestedBindings = count;
    return xrSuggestInteractionProfileBindings(instance, &info);
}

static XrSpace reference_space(XrSession session, XrReferenceSpaceType type) {
    XrReferenceSpaceCreateInfo info = {XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
    info.referenceSpaceType = type;
    info.poseInReferenceSpace.orientation.w = 1;
    XrSpace space = XR_NULL_HANDLE;
    HOST_CHECK(xrCreateReferenceSpace(session, &info, &space));
    return space;
}

static XrSpace action_space(XrSession session, XrAction action, XrPath subaction) {
    XrActionSpaceCreateInfo info = {XR_TYPE_ACTION_SPACE_CREATE_INFO};
    info.action = action;
    info.subactionPath = subaction;
    info.poseInActionSpace.orientation.w = 1;
    XrSpace space = XR_NULL_HANDLE;
    HOST_CHECK(xrCreateActionSpace(session, &info, &space));
    return space;
}

static int is_active(XrSession session, XrAction action, XrPath subaction) {
    XrActionStateGetInfo info = {XR_TYPE_ACTION_STATE_GET_INFO};
    info.action = action;
    info.subactionPath = subaction;
    XrActionStatePose state = {XR_TYPE_ACTION_STATE_POSE};
    HOST_CHECK(xrGetActionStatePose(session, &info, &state));
    return state.isActive == XR_TRUE;
}

static XrResult sync(XrSession session, const XrActionSet *sets, uint32_t count) {
    XrActiveActionSet active[2] = {{sets[0], XR_NULL_PATH}, {count > 1 ? sets[1] : XR_NULL_HANDLE, XR_NULL_PATH}};
    XrActionsSyncInfo info = {XR_TYPE_ACTIONS_SYNC_INFO};
    info.countActiveActionSets = count;
    info.activeActionSets = active;
    return xrSyncActions(session, &info);
}

/* Not fabsf: the hosts link no libm. */
static float magnitude(float value) { return value < 0 ? -value : value; }

/* -Z of the orientation: where the gaze looks. */
static XrVector3f forward(XrQuaternionf q) {
    XrVector3f v = {0, 0, -1};
    /* v + 2w(q x v) + 2 q x (q x v) */
    XrVector3f t = {2 * (q.y * v.z - q.z * v.y), 2 * (q.z * v.x - q.x * v.z), 2 * (q.x * v.y - q.y * v.x)};
    XrVector3f r = {v.x + q.w * t.x + (q.y * t.z - q.z * t.y), v.y + q.w * t.y + (q.z * t.x - q.x * t.z),
                    v.z + q.w * t.z + (q.x * t.y - q.y * t.x)};
    return r;
}

static XrSpaceLocation locate(XrSpace space, XrSpace base, XrTime time, XrEyeGazeSampleTimeEXT *sample) {
    XrSpaceLocation location = {XR_TYPE_SPACE_LOCATION};
    location.next = sample;
    HOST_CHECK(xrLocateSpace(space, base, time, &location));
    return location;
}

static void system_properties(XrInstance instance, XrSystemId system, XrBool32 wanted, const char *what) {
    XrSystemEyeGazeInteractionPropertiesEXT gaze = {XR_TYPE_SYSTEM_EYE_GAZE_INTERACTION_PROPERTIES_EXT};
    gaze.supportsEyeGazeInteraction = XR_FALSE;
    XrSystemProperties properties = {XR_TYPE_SYSTEM_PROPERTIES};
    properties.next = &gaze;
    HOST_CHECK(xrGetSystemProperties(instance, system, &properties));
    char detail[64];
    snprintf(detail, sizeof(detail), "supportsEyeGazeInteraction %u", (unsigned)gaze.supportsEyeGazeInteraction);
    expect(gaze.supportsEyeGazeInteraction == wanted, what, detail);
}

static void eye_gaze(XrInstance instance, XrSystemId system, HostVulkan *vk, int frames) {
    char detail[160];
    XrPath eyes = path(instance, "/user/eyes_ext");
    XrPath leftHand = path(instance, "/user/hand/left");

    /* The app's own set, and the layer's gaze set. */
    XrActionSet appSet = create_set(instance, "app");
    XrAction select = XR_NULL_HANDLE;
    HOST_CHECK(create_action(appSet, "select", XR_ACTION_TYPE_BOOLEAN_INPUT, NULL, &select));
    XrActionSet gazeSet = create_set(instance, "gaze");
    XrAction gaze = XR_NULL_HANDLE, eyesPose = XR_NULL_HANDLE, unbound = XR_NULL_HANDLE;
    HOST_CHECK(create_action(gazeSet, "gaze", XR_ACTION_TYPE_POSE_INPUT, NULL, &gaze));
    expect_result(create_action(gazeSet, "eyes_pose", XR_ACTION_TYPE_POSE_INPUT, &eyes, &eyesPose), XR_SUCCESS,
                  "subactionPath.eyesAccepted");
    HOST_CHECK(create_action(gazeSet, "unbound", XR_ACTION_TYPE_POSE_INPUT, NULL, &unbound));

    XrActionSuggestedBinding wrong = {gaze, path(instance, "/user/eyes_ext/input/select/click")};
    expect_result(suggest(instance, "/interaction_profiles/ext/eye_gaze_interaction", &wrong, 1), XR_ERROR_PATH_UNSUPPORTED,
                  "suggest.notAGazeInput");
    XrActionSuggestedBinding hand = {gaze, path(instance, "/user/hand/left/input/grip/pose")};
    expect_result(suggest(instance, "/interaction_profiles/ext/eye_gaze_interaction", &hand, 1), XR_ERROR_PATH_UNSUPPORTED,
                  "suggest.handInGazeProfile");
    XrActionSuggestedBinding controller = {select, path(instance, "/user/hand/left/input/select/click")};
    HOST_CHECK(suggest(instance, "/interaction_profiles/khr/simple_controller", &controller, 1));
    XrActionSuggestedBinding gazeBindings[] = {
        {gaze, path(instance, "/user/eyes_ext/input/gaze_ext/pose")},
        {eyesPose, path(instance, "/user/eyes_ext/input/gaze_ext/pose")},
    };
    expect_result(suggest(instance, "/interaction_profiles/ext/eye_gaze_interaction", gazeBindings, 2), XR_SUCCESS,
                  "suggest.gaze");

    XrSession session = host_create_session(instance, system, vk);
    XrActionSet both[] = {appSet, gazeSet};
    XrSessionActionSetsAttachInfo attach = {XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO};
    attach.countActionSets = 2;
    attach.actionSets = both;
    HOST_CHECK(xrAttachSessionActionSets(session, &attach));

    XrInteractionProfileState profile = {XR_TYPE_INTERACTION_PROFILE_STATE};
    HOST_CHECK(xrGetCurrentInteractionProfile(session, eyes, &profile));
    expect(profile.interactionProfile == path(instance, "/interaction_profiles/ext/eye_gaze_interaction"),
           "currentProfile.eyes", "not the eye gaze profile");
    HOST_CHECK(xrGetCurrentInteractionProfile(session, leftHand, &profile));
    expect(profile.interactionProfile == XR_NULL_PATH, "currentProfile.hand", "a controller profile without controllers");
    XrBoundSourcesForActionEnumerateInfo boundInfo = {XR_TYPE_BOUND_SOURCES_FOR_ACTION_ENUMERATE_INFO};
    boundInfo.action = gaze;
    XrPath sources[4] = {0};
    uint32_t sourceCount = 0;
    HOST_CHECK(xrEnumerateBoundSourcesForAction(session, &boundInfo, 4, &sourceCount, sources));
    expect(sourceCount == 1 && sources[0] == path(instance, "/user/eyes_ext/input/gaze_ext/pose"), "boundSources.gaze",
           "not the gaze pose");
    boundInfo.action = unbound;
    HOST_CHECK(xrEnumerateBoundSourcesForAction(session, &boundInfo, 4, &sourceCount, sources));
    expect(sourceCount == 0, "boundSources.unbound", "an unbound action has sources");
    int profileEvents = 0, ready = 0;
    for (int i = 0; i < 10; i++) {
        XrEventDataBuffer event = {XR_TYPE_EVENT_DATA_BUFFER};
        XrResult result = xrPollEvent(instance, &event);
        HOST_CHECK(result);
        if (result == XR_EVENT_UNAVAILABLE) break;
        if (event.type == XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED) {
            profileEvents += ((const XrEventDataInteractionProfileChanged *)&event)->session == session;
        }
        if (event.type == XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED &&
            ((const XrEventDataSessionStateChanged *)&event)->state == XR_SESSION_STATE_READY) ready = 1;
    }
    snprintf(detail, sizeof(detail), "%d events", profileEvents);
    expect(profileEvents == 1, "event.interactionProfileChanged", detail);
    if (!ready) { printf("FAIL session never became READY\n"); exit(1); }
    XrSessionBeginInfo begin = {XR_TYPE_SESSION_BEGIN_INFO};
    begin.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    HOST_CHECK(xrBeginSession(session, &begin));

    XrSpace local = reference_space(session, XR_REFERENCE_SPACE_TYPE_LOCAL);
    XrSpace stage = reference_space(session, XR_REFERENCE_SPACE_TYPE_STAGE);
    XrSpace gazeSpace = action_space(session, gaze, XR_NULL_PATH);
    XrSpace eyesSpace = action_space(session, eyesPose, eyes);
    XrSpace unboundSpace = action_space(session, unbound, XR_NULL_PATH);

    int focusedFrames = 0, positionsAtEye = 1, samplesMatch = 1, flagsBoth = 1;
    for (int frame = 0; frame < frames; frame++) {
        XrFrameWaitInfo waitInfo = {XR_TYPE_FRAME_WAIT_INFO};
        XrFrameState state = {XR_TYPE_FRAME_STATE};
        HOST_CHECK(xrWaitFrame(session, &waitInfo, &state));
        XrResult synced = sync(session, both, 2);
        HOST_CHECK(synced);
        int active = is_active(session, gaze, XR_NULL_PATH);
        if (synced == XR_SESSION_NOT_FOCUSED) {
            snprintf(detail, sizeof(detail), "frame %d: active while not focused", frame);
            expect(!active, "unfocused.inactive", detail);
        } else {
            focusedFrames++;
            snprintf(detail, sizeof(detail), "frame %d", frame);
            expect(active, "focused.active", detail);
        }
        XrEyeGazeSampleTimeEXT sample = {XR_TYPE_EYE_GAZE_SAMPLE_TIME_EXT};
        sample.time = -1;
        XrSpaceLocation location = locate(gazeSpace, local, state.predictedDisplayTime, &sample);
        XrVector3f dir = forward(location.pose.orientation);
        printf("frame %d active %d flags %llx dir %.6f %.6f %.6f sample %lld display %lld\n", frame, active,
               (unsigned long long)location.locationFlags, dir.x, dir.y, dir.z, (long long)sample.time,
               (long long)state.predictedDisplayTime);
        if (location.locationFlags != 0) {
            const XrVector3f p = location.pose.position;
            positionsAtEye &= magnitude(p.x) < 1e-5f && magnitude(p.y) < 1e-5f && magnitude(p.z) < 1e-5f;
            XrSpaceLocation inStage = locate(gazeSpace, stage, state.predictedDisplayTime, NULL);
            positionsAtEye &= magnitude(inStage.pose.position.y - 1.6f) < 1e-5f;
            samplesMatch &= sample.time == state.predictedDisplayTime;
            flagsBoth &= location.locationFlags ==
                         (XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT |
                          XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT | XR_SPACE_LOCATION_POSITION_TRACKED_BIT);
            /* The eyes' own subaction path lets the gaze through; another would not. */
            XrSpaceLocation viaEyes = locate(eyesSpace, local, state.predictedDisplayTime, NULL);
            flagsBoth &= viaEyes.locationFlags == location.locationFlags;
            flagsBoth &= is_active(session, eyesPose, eyes);
        } else {
            samplesMatch &= sample.time == 0;
        }
        XrSpaceLocation never = locate(unboundSpace, local, state.predictedDisplayTime, NULL);
        flagsBoth &= never.locationFlags == 0 && !is_active(session, unbound, XR_NULL_PATH);

        host_submit_empty_frame(session, &state);
    }
    expect(focusedFrames == frames - 1, "focused.afterFirstFrame", "focus did not follow the first frame");
    expect(positionsAtEye, "position.centreEye", "gaze origin is not the head");
    expect(samplesMatch, "sampleTime", "XrEyeGazeSampleTimeEXT not the located time (0 when lost)");
    expect(flagsBoth, "flags.consistent", "flags not all-or-nothing, or an unbound pose located");

    /* Only the app's set active: the gaze action is not. */
    HOST_CHECK(sync(session, both, 1));
    expect(!is_active(session, gaze, XR_NULL_PATH), "sync.setNotActive", "gaze active without its set");
    XrFrameState last = host_empty_frame(session);
    expect(locate(gazeSpace, local, last.predictedDisplayTime, NULL).locationFlags == 0, "sync.setNotActive.unlocated",
           "located without its set");
    XrActiveActionSet handOnly = {gazeSet, leftHand};
    XrActionsSyncInfo handSync = {XR_TYPE_ACTIONS_SYNC_INFO};
    handSync.countActiveActionSets = 1;
    handSync.activeActionSets = &handOnly;
    HOST_CHECK(xrSyncActions(session, &handSync));
    expect(!is_active(session, gaze, XR_NULL_PATH), "sync.otherSubactionPath", "gaze active for /user/hand/left");
    HOST_CHECK(sync(session, both, 2));
    expect(is_active(session, gaze, XR_NULL_PATH), "sync.again", "gaze not active after syncing both sets again");

    host_end_session(instance, session);
    HOST_CHECK(xrDestroySession(session));
}

/* Without the extension its paths do not exist. */
static void not_enabled(XrInstance instance, XrSystemId system) {
    system_properties(instance, system, XR_FALSE, "notEnabled.property");
    XrActionSet set = create_set(instance, "gaze");
    XrAction gaze = XR_NULL_HANDLE;
    HOST_CHECK(create_action(set, "gaze", XR_ACTION_TYPE_POSE_INPUT, NULL, &gaze));
    XrActionSuggestedBinding binding = {gaze, path(instance, "/user/eyes_ext/input/gaze_ext/pose")};
    expect_result(suggest(instance, "/interaction_profiles/ext/eye_gaze_interaction", &binding, 1), XR_ERROR_PATH_UNSUPPORTED,
                  "notEnabled.profileRejected");
    XrPath eyes = path(instance, "/user/eyes_ext");
    XrAction withEyes = XR_NULL_HANDLE;
    expect_result(create_action(set, "eyes_pose", XR_ACTION_TYPE_POSE_INPUT, &eyes, &withEyes), XR_ERROR_PATH_UNSUPPORTED,
                  "notEnabled.eyesUserPath");
}

int main(void) {
    const char *framesText = getenv("EYE_GAZE_FRAMES");
    int frames = framesText ? atoi(framesText) : 16;
    expect(offers(XR_EXT_EYE_GAZE_INTERACTION_EXTENSION_NAME), "offered", "not offered");

    XrInstance instance = XR_NULL_HANDLE;
    XrResult created = create_instance(1, &instance);
    if (XR_FAILED(created)) {
        printf("createInstance %d\n", (int)created);
        return 100;
    }
    XrSystemId system = host_get_system(instance);
    system_properties(instance, system, XR_TRUE, "property.supported");
    HostVulkan vk = {0};
    host_prepare_vulkan(instance, system, &vk);
    eye_gaze(instance, system, &vk, frames);
    HOST_CHECK(xrDestroyInstance(instance));

    HOST_CHECK(create_instance(0, &instance));
    not_enabled(instance, host_get_system(instance));
    HOST_CHECK(xrDestroyInstance(instance));
    host_destroy_vulkan(&vk);

    unsetenv("XRSIM_EXTENSIONS");
    expect(!offers(XR_EXT_EYE_GAZE_INTERACTION_EXTENSION_NAME), "notOffered.listed", "still listed");
    instance = XR_NULL_HANDLE;
    XrResult result = create_instance(1, &instance);
    expect_result(result, XR_ERROR_EXTENSION_NOT_PRESENT, "notOffered.create");
    if (XR_SUCCEEDED(result)) xrDestroyInstance(instance);
    HOST_CHECK(create_instance(0, &instance));
    not_enabled(instance, host_get_system(instance));
    HOST_CHECK(xrDestroyInstance(instance));
    printf("failures %d\n", failures);
    return failures;
}
