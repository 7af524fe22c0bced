#version 450
#extension GL_GOOGLE_include_directive : require
// The focus-inset pass, compiled once with an rgba8 storage view; see Inset.glsl.
#define OUTPUT_FORMAT rgba8
#include "Inset.glsl"
