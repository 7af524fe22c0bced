#version 450
#extension GL_GOOGLE_include_directive : require
// The upscaling pass, compiled once with an rgba8 storage view; see Upscale.glsl.
#define OUTPUT_FORMAT rgba8
#include "Upscale.glsl"
