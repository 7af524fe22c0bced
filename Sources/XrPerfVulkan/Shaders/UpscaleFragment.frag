#version 450
#extension GL_GOOGLE_include_directive : require
// xrperf's graphics upscaling pass: one fragment per pixel of the target
// rect, drawn into the runtime's image through a colour attachment. Every
// runtime grants COLOR_ATTACHMENT on its swapchains, while storage usage is
// refused on sRGB formats (Monado 25) or ignored (upstream Monado), so this
// is the pass that works everywhere (docs/upscaling.md). The attachment has
// the image's own format: an sRGB image is encoded by the hardware and BGRA
// order is the format's business, so neither is done here.
//
// Each pixel computes what the compute pass computes for it (UpscaleFilter.glsl,
// with the pixel as a block's first pixel), so both match UpscaleReference.
#include "UpscaleFilter.glsl"

layout(location = 0) out vec4 colour;

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy) - p.targetRect.xy;
    // Pixel centres map onto each other, as in Upscale.glsl.
    vec2 ratio = vec2(p.sourceRect.zw) / vec2(p.targetRect.zw);
    vec2 position = (vec2(pixel) + 0.5) * ratio - 0.5;
    vec2 floored = floor(position);
    vec2 f = position - floored;
    ivec2 base = ivec2(floored);
    if (EDGE) {
        // The 12 taps around the sample: the 4x4 block without its corners.
        #define FETCH(c, r) G(c, r) = fetch(base + ivec2((c) - 1, (r) - 1)); GL(c, r) = luma(G(c, r));
        FETCH(1, 0) FETCH(2, 0)
        FETCH(0, 1) FETCH(1, 1) FETCH(2, 1) FETCH(3, 1)
        FETCH(0, 2) FETCH(1, 2) FETCH(2, 2) FETCH(3, 2)
        FETCH(1, 3) FETCH(2, 3)
        #undef FETCH
        colour = edgeAdaptive(false, false, f);
    } else {
        #define FETCH(c, r) G(c, r) = fetch(base + ivec2(c, r));
        FETCH(0, 0) FETCH(1, 0)
        FETCH(0, 1) FETCH(1, 1)
        #undef FETCH
        colour = bilinear(false, false, f);
    }
}
