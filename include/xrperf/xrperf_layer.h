/*
 * The xrperf layer's C ABI: the single symbol libXrApiLayer_xrperf.so exports.
 * The OpenXR loader finds it by name; C tools may dlsym it the same way.
 */
#ifndef XRPERF_LAYER_H
#define XRPERF_LAYER_H

#include "loader_interfaces.h"

#ifdef __cplusplus
extern "C" {
#endif

#define XRPERF_LAYER_NAME "XR_APILAYER_XRPERF_performance"

XrResult xrNegotiateLoaderApiLayerInterface(const XrNegotiateLoaderInfo *loaderInfo,
                                            const char *apiLayerName,
                                            XrNegotiateApiLayerRequest *apiLayerRequest);

#ifdef __cplusplus
}
#endif

#endif
