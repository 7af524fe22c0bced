// xrperf's upscaling pass: one invocation per 2x2 block of pixels of the
// destination rect. Included by Upscale.comp with OUTPUT_FORMAT rgba8, the
// storage format of the destination view (a storage format qualifier must
// match the view, and "without format" writes need a device feature the app
// may not have enabled); the rgba16f pipeline patches that one operand of the
// compiled module (XrPerfCore SPIRVStorageFormat), which is exactly what
// compiling with OUTPUT_FORMAT rgba16f gives (ShaderSourceTests).
//
// Why blocks: the pass only ever magnifies (UpscaleGeometry never maps a
// rect onto a smaller one), so the bases of two neighbouring pixels differ by
// at most one texel and a 2x2 block reads a 3x3 source block for bilinear
// (instead of 4 x 4 fetches) and 21 texels of a 5x5 block for the 12-tap edge
// filter (instead of 4 x 12). On a software rasteriser every fetch costs
// about as much as the rest of a pixel, so this is most of the pass's cost.
// Each pixel still computes exactly what the per-pixel filter computes: it
// only picks its taps out of the shared block.
//
// The source is read clamped to the app's imageRect (texelFetch with clamped
// coordinates), so no texel outside the rect (the other eye of a side-by-side
// image, garbage in the unused part of the image) ever bleeds in; the CPU
// reference in XrPerfCore (UpscaleReference.swift) does the same arithmetic.
//
// Colour: a source with an sRGB format is filtered on linear values: either
// fetched through its sRGB view (the sampler decodes; free on a GPU), or,
// with DECODE_SRGB, fetched raw through a UNORM view and decoded here (on a
// CPU device the sampler's sRGB path costs more than the rest of the pass).
// The destination of the same format is written through its UNORM view
// (sRGB formats cannot be storage images), so the shader encodes to sRGB
// itself, once.

// Rows of 64 blocks: on lavapipe the shape made no measurable difference
// (8x8, 16x4, 32x2, 64x1 within noise), and rows read source texels in order.
layout(local_size_x = 64, local_size_y = 1, local_size_z = 1) in;

layout(set = 1, binding = 1, OUTPUT_FORMAT) uniform writeonly image2DArray target;

#include "UpscaleFilter.glsl"

void store(ivec2 pixel, vec4 colour) {
    if (ENCODE_SRGB) {
        colour = vec4(encodeSRGB(colour.r), encodeSRGB(colour.g), encodeSRGB(colour.b), colour.a);
    }
    if (SWAP_RED_BLUE) {
        colour = colour.bgra;
    }
    imageStore(target, ivec3(p.targetRect.xy + pixel, p.targetLayer), colour);
}

void main() {
    ivec2 first = ivec2(gl_GlobalInvocationID.xy) * 2;
    if (first.x >= p.targetRect.z || first.y >= p.targetRect.w) {
        return;
    }
    // Pixel centres map onto each other: the rects' edges coincide. Written
    // as UpscaleReference writes it, so both floor the same positions.
    vec2 ratio = vec2(p.sourceRect.zw) / vec2(p.targetRect.zw);
    vec2 position0 = (vec2(first) + 0.5) * ratio - 0.5;
    vec2 position1 = (vec2(first + 1) + 0.5) * ratio - 0.5;
    vec2 floor0 = floor(position0);
    vec2 floor1 = floor(position1);
    vec2 f0 = position0 - floor0;
    vec2 f1 = position1 - floor1;
    ivec2 base = ivec2(floor0);
    // 0 or 1: the target rect is never smaller than the source rect.
    bvec2 step = greaterThan(floor1, floor0);

    if (EDGE) {
        #define FETCH(c, r) G(c, r) = fetch(base + ivec2((c) - 1, (r) - 1)); GL(c, r) = luma(G(c, r));
        FETCH(1, 0) FETCH(2, 0) FETCH(3, 0)
        FETCH(0, 1) FETCH(1, 1) FETCH(2, 1) FETCH(3, 1) FETCH(4, 1)
        FETCH(0, 2) FETCH(1, 2) FETCH(2, 2) FETCH(3, 2) FETCH(4, 2)
        FETCH(0, 3) FETCH(1, 3) FETCH(2, 3) FETCH(3, 3) FETCH(4, 3)
        FETCH(1, 4) FETCH(2, 4) FETCH(3, 4)
        #undef FETCH
    } else {
        #define FETCH(c, r) G(c, r) = fetch(base + ivec2(c, r));
        FETCH(0, 0) FETCH(1, 0) FETCH(2, 0)
        FETCH(0, 1) FETCH(1, 1) FETCH(2, 1)
        FETCH(0, 2) FETCH(1, 2) FETCH(2, 2)
        #undef FETCH
    }

    bool right = first.x + 1 < p.targetRect.z;
    bool below = first.y + 1 < p.targetRect.w;
    if (EDGE) {
        store(first, edgeAdaptive(false, false, f0));
        if (right) store(first + ivec2(1, 0), edgeAdaptive(step.x, false, vec2(f1.x, f0.y)));
        if (below) store(first + ivec2(0, 1), edgeAdaptive(false, step.y, vec2(f0.x, f1.y)));
        if (right && below) store(first + ivec2(1, 1), edgeAdaptive(step.x, step.y, f1));
    } else {
        store(first, bilinear(false, false, f0));
        if (right) store(first + ivec2(1, 0), bilinear(step.x, false, vec2(f1.x, f0.y)));
        if (below) store(first + ivec2(0, 1), bilinear(false, step.y, vec2(f0.x, f1.y)));
        if (right && below) store(first + ivec2(1, 1), bilinear(step.x, step.y, f1));
    }
}
