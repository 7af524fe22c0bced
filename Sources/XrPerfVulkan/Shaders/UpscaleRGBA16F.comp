#version 450
#extension GL_GOOGLE_include_directive : require
// The upscaling pass writing through a rgba16f storage view; see Upscale.glsl.
#define OUTPUT_FORMAT rgba16f
#include "Upscale.glsl"
