// The focus inset's arithmetic, shared by the compute pass (Inset.glsl, 2x2
// blocks per invocation through a storage view) and the graphics pass
// (InsetFragment.frag, one fragment per pixel, blended into a colour
// attachment): the focus image, the push constants, the specialisation
// constants, the bilinear sample with its optional sharpening, and the blend
// weight.

layout(set = 0, binding = 0) uniform sampler2DArray source;

// Must match InsetPushConstants in InsetPipelines.swift (72 bytes).
layout(push_constant) uniform Parameters {
    ivec4 sourceRect;        // x, y, width, height in the focus image
    ivec4 region;            // x, y, width, height of the dispatched runtime pixels
    vec4 rect;               // x0, y0, x1, y1: the focus rectangle in runtime pixels
    vec2 scale;              // source texels per runtime pixel
    int sourceLayer;
    int targetLayer;
    float sharpness;         // 0..1, SHARPEN pipelines only
    float inverseBlendWidth; // 1 / the band's width (InsetBlend.inverseWidth)
} p;

// The same constant ids as the upscaling pass, so both share one
// specialisation table: 0 is the pass's optional extra (sharpening here).
layout(constant_id = 0) const bool SHARPEN = false;
layout(constant_id = 1) const bool ENCODE_SRGB = false;
layout(constant_id = 2) const bool SWAP_RED_BLUE = false;
layout(constant_id = 3) const bool DECODE_SRGB = false;
// The inset's own: false when no block can have neighbours more than one
// texel apart (InsetRect.needsPerPixelFetch), so the per-pixel fetch is not
// compiled in (llvmpipe runs both sides of a branch it cannot prove uniform).
layout(constant_id = 4) const bool PER_PIXEL_FALLBACK = true;

#include "SourceTexels.glsl"

// The block's texels, G(column, row), with its first pixel's base texel at
// (1, 1); the corners are nobody's tap and stay unread.
vec4 grid[25];
#define G(c, r) grid[(r) * 5 + (c)]

// A pixel's base is the block's first base plus (sx, sy), each 0 or 1.
// Selects, not a computed index: llvmpipe handles those far better.
vec4 pick(int c, int r, bool sx, bool sy) {
    vec4 top = sx ? G(c + 1, r) : G(c, r);
    vec4 bottom = sx ? G(c + 1, r + 1) : G(c, r + 1);
    return sy ? bottom : top;
}

// Cheap contrast-adaptive sharpening: the edge filter's rule (an amount
// that shrinks where local contrast is high, the result clamped to the
// taps' range, alpha left alone) applied to the bilinear sample, with the
// blur it pushes away from being each quad texel's four neighbours' mean,
// interpolated like the value. That is the bilinear sample of an unsharp-
// masked image: symmetric, so edges do not shift, and it needs the ring of
// 8 texels around the quad but none of the edge filter's 12-tap weighting.
vec4 sharpened(vec4 value, vec4 a, vec4 b, vec4 c, vec4 d, vec4 n0, vec4 n1, vec4 w0, vec4 w1,
               vec4 e0, vec4 e1, vec4 s0, vec4 s1, vec2 f) {
    vec4 meanA = (n0 + w0 + b + c) * 0.25, meanB = (n1 + a + e0 + d) * 0.25;
    vec4 meanC = (a + w1 + d + s0) * 0.25, meanD = (b + c + e1 + s1) * 0.25;
    vec4 blur = mix(mix(meanA, meanB, f.x), mix(meanC, meanD, f.x), f.y);
    vec4 quadMin = min(min(a, b), min(c, d));
    vec4 quadMax = max(max(a, b), max(c, d));
    vec4 ringMin = min(quadMin, min(min(min(n0, n1), min(w0, w1)), min(min(e0, e1), min(s0, s1))));
    vec4 ringMax = max(quadMax, max(max(max(n0, n1), max(w0, w1)), max(max(e0, e1), max(s0, s1))));
    float lowest = dot(ringMin.rgb, vec3(0.25, 0.5, 0.25));
    float highest = dot(ringMax.rgb, vec3(0.25, 0.5, 0.25));
    float room = clamp(min(lowest, 1.0 - highest) / max(highest, 1.0 / 64.0), 0.0, 1.0);
    float amount = p.sharpness * sqrt(room);
    return vec4(clamp(value.rgb + amount * (value.rgb - blur.rgb), ringMin.rgb, ringMax.rgb), value.a);
}

// The focus colour of a pixel whose base texel is `base`, fetched directly.
vec4 direct(ivec2 base, vec2 f) {
    vec4 a = fetch(base), b = fetch(base + ivec2(1, 0)), c = fetch(base + ivec2(0, 1)), d = fetch(base + ivec2(1, 1));
    vec4 value = mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
    if (!SHARPEN) {
        return value;
    }
    return sharpened(value, a, b, c, d, fetch(base + ivec2(0, -1)), fetch(base + ivec2(1, -1)),
                     fetch(base + ivec2(-1, 0)), fetch(base + ivec2(-1, 1)), fetch(base + ivec2(2, 0)),
                     fetch(base + ivec2(2, 1)), fetch(base + ivec2(0, 2)), fetch(base + ivec2(1, 2)), f);
}

// The same from the block's texels, for the pixel at base offset (sx, sy).
vec4 picked(bool sx, bool sy, vec2 f) {
    #define V(ox, oy) pick((ox) + 1, (oy) + 1, sx, sy)
    vec4 a = V(0, 0), b = V(1, 0), c = V(0, 1), d = V(1, 1);
    vec4 value = mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
    if (!SHARPEN) {
        return value;
    }
    return sharpened(value, a, b, c, d, V(0, -1), V(1, -1), V(-1, 0), V(-1, 1), V(2, 0), V(2, 1), V(0, 2), V(1, 2), f);
    #undef V
}

// Written as InsetBlend.weight writes it.
float weightAt(vec2 centre) {
    vec2 inside = min(centre - p.rect.xy, p.rect.zw - centre);
    vec2 t = clamp(inside * p.inverseBlendWidth, 0.0, 1.0);
    vec2 ramp = t * t * (3.0 - 2.0 * t);
    return ramp.x * ramp.y;
}

