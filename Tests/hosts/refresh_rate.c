/*
 * Drives XR_FB_display_refresh_rate and XR_EXT_performance_settings on XrSim
 * through the real loader, the way an app adapting to a headset would. Every
 * check prints "ok <what>" or "FAIL <what>: <detail>"; the exit status is the
 * number of failures. Run with XRSIM_EXTENSIONS naming both extensions and
 * XRSIM_REFRESH_RATES listing at least two rates.
 */
/* unsetenv */
#define _POSIX_C_SOURCE 200809L
#include "host_common.h"
#include "host_checks.h"

static XrResult create_instance(const char *const *extensions, uint32_t count, XrInstance *instance) {
    XrInstanceCreateInfo info = {XR_TYPE_INSTANCE_CREATE_INFO};
    strncpy(info.applicationInfo.applicationName, "refresh_rate", XR_MAX_APPLICATION_NAME_SIZE - 1);
    strncpy(info.applicationInfo.engineName, "xrperf-test-host", XR_MAX_ENGINE_NAME_SIZE - 1);
    info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
    info.enabledExtensionCount = count;
    info.enabledExtensionNames = extensions;
    return xrCreateInstance(&info, instance);
}

/* Drains the queue; returns how many refresh rate events it held (the last one in *last). */
static int poll_refresh_events(XrInstance instance, XrEventDataDisplayRefreshRateChangedFB *last) {
    int seen = 0;
    for (;;) {
        XrEventDataBuffer event = {XR_TYPE_EVENT_DATA_BUFFER};
        XrResult result = xrPollEvent(instance, &event);
        HOST_CHECK(result);
        if (result == XR_EVENT_UNAVAILABLE) return seen;
        if (event.type == XR_TYPE_EVENT_DATA_DISPLAY_REFRESH_RATE_CHANGED_FB) {
            *last = *(const XrEventDataDisplayRefreshRateChangedFB *)&event;
            seen++;
        }
    }
}

static XrDuration period_of(float hz) { return (XrDuration)(1e9 / hz + 0.5); }

static void refresh_rates(XrInstance instance, XrSession session) {
    PFN_xrEnumerateDisplayRefreshRatesFB enumerate =
        (PFN_xrEnumerateDisplayRefreshRatesFB)host_proc(instance, "xrEnumerateDisplayRefreshRatesFB");
    PFN_xrGetDisplayRefreshRateFB get = (PFN_xrGetDisplayRefreshRateFB)host_proc(instance, "xrGetDisplayRefreshRateFB");
    PFN_xrRequestDisplayRefreshRateFB request =
        (PFN_xrRequestDisplayRefreshRateFB)host_proc(instance, "xrRequestDisplayRefreshRateFB");
    char detail[128];

    uint32_t count = 0;
    HOST_CHECK(enumerate(session, 0, &count, NULL));
    float rates[16];
    if (count < 2 || count > 16) { printf("FAIL rates.count: %u\n", count); exit(1); }
    float tooFew[1];
    expect_result(enumerate(session, 1, &count, tooFew), XR_ERROR_SIZE_INSUFFICIENT, "enumerate.capacityTooSmall");
    expect_result(enumerate(session, 0, NULL, NULL), XR_ERROR_VALIDATION_FAILURE, "enumerate.nullCount");
    HOST_CHECK(enumerate(session, count, &count, rates));
    printf("rates");
    for (uint32_t i = 0; i < count; i++) printf(" %g", rates[i]);
    printf("\n");
    int ascending = 1;
    for (uint32_t i = 1; i < count; i++) ascending &= rates[i - 1] < rates[i];
    expect(ascending, "enumerate.ascending", "rates not lowest to highest");

    float initial = 0;
    HOST_CHECK(get(session, &initial));
    printf("initial %g\n", initial);
    expect_result(get(session, NULL), XR_ERROR_VALIDATION_FAILURE, "get.nullOutput");
    expect_result(request(session, 1234.5f), XR_ERROR_DISPLAY_REFRESH_RATE_UNSUPPORTED_FB, "request.unsupported");
    expect_result(request((XrSession)(uintptr_t)0x5555, rates[0]), XR_ERROR_HANDLE_INVALID, "request.bogusSession");

    /* The lowest rate other than the current one: a real switch. */
    float target = rates[0] == initial ? rates[1] : rates[0];
    host_begin_session(instance, session);
    XrFrameState before = host_empty_frame(session);
    snprintf(detail, sizeof(detail), "period %lld at %g Hz", (long long)before.predictedDisplayPeriod, initial);
    expect(before.predictedDisplayPeriod == period_of(initial), "period.initial", detail);

    /* Requested while running: nothing changes until the next xrWaitFrame. */
    HOST_CHECK(request(session, target));
    XrEventDataDisplayRefreshRateChangedFB event = {0};
    poll_refresh_events(instance, &event);
    float rate = 0;
    HOST_CHECK(get(session, &rate));
    expect(rate == initial, "get.unchangedBeforeWait", "rate switched before xrWaitFrame");
    XrFrameState after = host_empty_frame(session);
    snprintf(detail, sizeof(detail), "period %lld for %g Hz", (long long)after.predictedDisplayPeriod, target);
    expect(after.predictedDisplayPeriod == period_of(target), "period.switched", detail);
    snprintf(detail, sizeof(detail), "display time %lld after %lld", (long long)after.predictedDisplayTime,
             (long long)before.predictedDisplayTime);
    expect(after.predictedDisplayTime > before.predictedDisplayTime, "displayTime.increases", detail);
    int events = poll_refresh_events(instance, &event);
    snprintf(detail, sizeof(detail), "%d events, last %g -> %g", events, event.fromDisplayRefreshRate, event.toDisplayRefreshRate);
    expect(events == 1 && event.fromDisplayRefreshRate == initial && event.toDisplayRefreshRate == target, "event.switched", detail);
    HOST_CHECK(get(session, &rate));
    expect(rate == target, "get.switched", "xrGetDisplayRefreshRateFB does not report the new rate");
    XrFrameState steady = host_empty_frame(session);
    /* On the real-time clock a busy machine may make the app miss vsyncs: any whole number of new periods. */
    XrDuration apart = steady.predictedDisplayTime - after.predictedDisplayTime;
    snprintf(detail, sizeof(detail), "frames %lld ns apart", (long long)apart);
    expect(apart > 0 && apart % period_of(target) == 0, "pacing.newPeriod", detail);
    printf("apart %lld\n", (long long)apart);
    printf("switched %g -> %g period %lld\n", initial, target, (long long)after.predictedDisplayPeriod);

    /* The current rate again: no change, so no event. */
    HOST_CHECK(request(session, target));
    host_empty_frame(session);
    expect(poll_refresh_events(instance, &event) == 0, "event.noneForSameRate", "an event without a change");

    /* No preference: back to the runtime's default. */
    HOST_CHECK(request(session, 0.0f));
    XrFrameState back = host_empty_frame(session);
    events = poll_refresh_events(instance, &event);
    snprintf(detail, sizeof(detail), "%d events, last %g -> %g", events, event.fromDisplayRefreshRate, event.toDisplayRefreshRate);
    expect(events == 1 && event.fromDisplayRefreshRate == target && event.toDisplayRefreshRate == initial, "event.default", detail);
    expect(back.predictedDisplayPeriod == period_of(initial), "period.default", "period not back at the default");
}

static void performance_settings(XrInstance instance, XrSession session) {
    PFN_xrPerfSettingsSetPerformanceLevelEXT set =
        (PFN_xrPerfSettingsSetPerformanceLevelEXT)host_proc(instance, "xrPerfSettingsSetPerformanceLevelEXT");
    expect_result(set(session, XR_PERF_SETTINGS_DOMAIN_CPU_EXT, XR_PERF_SETTINGS_LEVEL_SUSTAINED_LOW_EXT), XR_SUCCESS, "perf.cpuLow");
    expect_result(set(session, XR_PERF_SETTINGS_DOMAIN_GPU_EXT, XR_PERF_SETTINGS_LEVEL_BOOST_EXT), XR_SUCCESS, "perf.gpuBoost");
    expect_result(set(session, (XrPerfSettingsDomainEXT)3, XR_PERF_SETTINGS_LEVEL_BOOST_EXT), XR_ERROR_VALIDATION_FAILURE,
                  "perf.badDomain");
    expect_result(set(session, XR_PERF_SETTINGS_DOMAIN_GPU_EXT, (XrPerfSettingsLevelEXT)10), XR_ERROR_VALIDATION_FAILURE,
                  "perf.badLevel");
    expect_result(set((XrSession)(uintptr_t)0x5555, XR_PERF_SETTINGS_DOMAIN_CPU_EXT, XR_PERF_SETTINGS_LEVEL_BOOST_EXT),
                  XR_ERROR_HANDLE_INVALID, "perf.bogusSession");
}

static const char *const extensionFunctions[] = {
    "xrEnumerateDisplayRefreshRatesFB", "xrGetDisplayRefreshRateFB", "xrRequestDisplayRefreshRateFB",
    "xrPerfSettingsSetPerformanceLevelEXT",
};

int main(void) {
    expect(offers(XR_FB_DISPLAY_REFRESH_RATE_EXTENSION_NAME), "offered.refreshRate", "not offered");
    expect(offers(XR_EXT_PERFORMANCE_SETTINGS_EXTENSION_NAME), "offered.performanceSettings", "not offered");

    const char *const all[] = {XR_KHR_VULKAN_ENABLE_EXTENSION_NAME, XR_FB_DISPLAY_REFRESH_RATE_EXTENSION_NAME,
                               XR_EXT_PERFORMANCE_SETTINGS_EXTENSION_NAME};
    XrInstance instance = XR_NULL_HANDLE;
    HOST_CHECK(create_instance(all, 3, &instance));
    XrSystemId system = host_get_system(instance);
    HostVulkan vk = {0};
    host_prepare_vulkan(instance, system, &vk);
    XrSession session = host_create_session(instance, system, &vk);
    performance_settings(instance, session); /* before running: the spec does not require it */
    refresh_rates(instance, session);
    host_end_session(instance, session);
    HOST_CHECK(xrDestroySession(session));
    HOST_CHECK(xrDestroyInstance(instance));

    /* Offered but not enabled: the functions must not be handed out. */
    HOST_CHECK(create_instance(all, 1, &instance));
    for (size_t i = 0; i < sizeof(extensionFunctions) / sizeof(extensionFunctions[0]); i++) {
        PFN_xrVoidFunction function = (PFN_xrVoidFunction)(uintptr_t)1;
        char what[96];
        snprintf(what, sizeof(what), "notEnabled.%s", extensionFunctions[i]);
        expect_result(xrGetInstanceProcAddr(instance, extensionFunctions[i], &function), XR_ERROR_FUNCTION_UNSUPPORTED, what);
        strncat(what, ".nullOutput", sizeof(what) - strlen(what) - 1);
        expect(function == NULL, what, "output not set to null");
    }
    HOST_CHECK(xrDestroyInstance(instance));
    host_destroy_vulkan(&vk);

    /* Not offered (XrSim reads its variables per instance): enabling them fails. */
    unsetenv("XRSIM_EXTENSIONS");
    expect(!offers(XR_FB_DISPLAY_REFRESH_RATE_EXTENSION_NAME), "notOffered.listed", "still listed");
    for (uint32_t i = 1; i < 3; i++) {
        const char *const one[] = {XR_KHR_VULKAN_ENABLE_EXTENSION_NAME, all[i]};
        char what[96];
        snprintf(what, sizeof(what), "notOffered.create.%s", all[i]);
        instance = XR_NULL_HANDLE;
        XrResult result = create_instance(one, 2, &instance);
        expect_result(result, XR_ERROR_EXTENSION_NOT_PRESENT, what);
        if (XR_SUCCEEDED(result)) xrDestroyInstance(instance);
    }
    printf("failures %d\n", failures);
    return failures;
}
