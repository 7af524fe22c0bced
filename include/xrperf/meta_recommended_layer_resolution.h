/*
 * XR_META_recommended_layer_resolution (extension 255, revision 1), written
 * from the OpenXR registry: Debian's 1.0.20 headers predate it. xrperf
 * implements it in the layer so that apps with dynamic resolution follow
 * the layer's controller (docs/adaptive.md).
 */
#ifndef XRPERF_META_RECOMMENDED_LAYER_RESOLUTION_H
#define XRPERF_META_RECOMMENDED_LAYER_RESOLUTION_H

#include <openxr/openxr.h>

#ifndef XR_META_recommended_layer_resolution
#define XR_META_recommended_layer_resolution 1
#define XR_META_recommended_layer_resolution_SPEC_VERSION 1
#define XR_META_RECOMMENDED_LAYER_RESOLUTION_EXTENSION_NAME "XR_META_recommended_layer_resolution"

/* Constants rather than macros: Swift imports these, not casts in macros. */
static const XrStructureType XR_TYPE_RECOMMENDED_LAYER_RESOLUTION_META = (XrStructureType)1000254000;
static const XrStructureType XR_TYPE_RECOMMENDED_LAYER_RESOLUTION_GET_INFO_META = (XrStructureType)1000254001;

typedef struct XrRecommendedLayerResolutionMETA {
    XrStructureType type;
    void *XR_MAY_ALIAS next;
    XrExtent2Di recommendedImageDimensions;
    XrBool32 isValid;
} XrRecommendedLayerResolutionMETA;

typedef struct XrRecommendedLayerResolutionGetInfoMETA {
    XrStructureType type;
    const void *XR_MAY_ALIAS next;
    const XrCompositionLayerBaseHeader *layer;
    XrTime predictedDisplayTime;
} XrRecommendedLayerResolutionGetInfoMETA;

typedef XrResult(XRAPI_PTR *PFN_xrGetRecommendedLayerResolutionMETA)(
    XrSession session, const XrRecommendedLayerResolutionGetInfoMETA *info,
    XrRecommendedLayerResolutionMETA *resolution);
#endif

#endif
