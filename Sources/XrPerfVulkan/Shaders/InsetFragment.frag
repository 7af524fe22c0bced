#version 450
#extension GL_GOOGLE_include_directive : require
// xrperf's graphics focus-inset pass (quad views): one fragment per pixel of
// the covered region of an eye's runtime image, drawn into it as a colour
// attachment after the graphics upscaling pass filled it with the periphery
// (UpscaleFragment.frag), for runtimes that grant no storage usage. The
// colour is the compute pass's per-pixel arithmetic (InsetFilter.glsl's
// `direct`); the blend is the pipeline's: the fragment is premultiplied by
// its weight and blended ONE / ONE_MINUS_SRC_ALPHA, in linear space for an
// sRGB attachment. For an opaque focus that is exactly the compute pass's
// mix(periphery, focus, weight); a translucent focus is composited "over"
// the periphery instead of replacing its alpha (docs/foveation.md).
#include "InsetFilter.glsl"

layout(location = 0) out vec4 colour;

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    float weight = weightAt(vec2(pixel) + 0.5);
    if (weight <= 0.0) {
        discard;
    }
    // Pixel centres map linearly onto the source rect, as in Inset.glsl.
    vec2 position = (vec2(pixel) + 0.5 - p.rect.xy) * p.scale - 0.5;
    vec2 floored = floor(position);
    colour = direct(ivec2(floored), position - floored) * weight;
}
