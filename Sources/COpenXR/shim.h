/*
 * Everything C that xrperf's Swift targets see. The graphics-API define must
 * live here, not in a target's cSettings: a define there never reaches Swift.
 */
#ifndef XRPERF_COPENXR_SHIM_H
#define XRPERF_COPENXR_SHIM_H

#define XR_USE_GRAPHICS_API_VULKAN 1
#define XR_USE_TIMESPEC 1

#include <time.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vulkan/vulkan.h>
#include <vulkan/vk_layer.h>
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

#include "../../include/xrperf/loader_interfaces.h"
#include "../../include/xrperf/telemetry.h"
#include "../../include/xrperf/meta_recommended_layer_resolution.h"

/* Macros Swift cannot import, as inline functions. */
static inline XrVersion xrperf_make_version(uint32_t major, uint32_t minor, uint32_t patch) {
    return XR_MAKE_VERSION(major, minor, patch);
}
static inline uint16_t xrperf_version_major(XrVersion v) { return (uint16_t)XR_VERSION_MAJOR(v); }
static inline uint16_t xrperf_version_minor(XrVersion v) { return (uint16_t)XR_VERSION_MINOR(v); }
static inline uint32_t xrperf_version_patch(XrVersion v) { return (uint32_t)XR_VERSION_PATCH(v); }
static inline XrVersion xrperf_current_api_version(void) { return XR_CURRENT_API_VERSION; }
static inline int xrperf_succeeded(XrResult r) { return XR_SUCCEEDED(r); }
/* The calling thread's kernel id: syscall() is variadic, which Swift cannot call. */
static inline int xrperf_gettid(void) { return (int)syscall(SYS_gettid); }
static inline int xrperf_failed(XrResult r) { return XR_FAILED(r); }
static inline uint32_t xrperf_vk_make_version(uint32_t major, uint32_t minor, uint32_t patch) {
    return VK_MAKE_VERSION(major, minor, patch);
}
static inline uint32_t xrperf_vk_api_version_1_0(void) { return VK_API_VERSION_1_0; }
static inline uint32_t xrperf_vk_api_version_1_1(void) { return VK_API_VERSION_1_1; }

#endif
