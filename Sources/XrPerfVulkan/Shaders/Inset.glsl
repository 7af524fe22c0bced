// xrperf's focus-inset pass (quad views): draws the focus view over an eye's
// runtime image that the upscaling pass (Upscale.glsl) has just filled with
// the periphery. It is dispatched over the pixels whose centres lie inside
// the focus rectangle (InsetRect.coveredPixels). Included by Inset.comp with OUTPUT_FORMAT rgba8; the
// rgba16f pipeline patches the storage format operand as the upscaling
// pass's does (SPIRVStorageFormat, ShaderSourceTests).
//
// The focus image's imageRect is stretched over the rectangle (fractional
// edges allowed): pixel centres map linearly, read bilinearly and clamped to
// the imageRect as the upscaling pass reads. The result is blended over what
// is there with a weight that is 1 inside and falls with a smoothstep to 0
// across a band just inside the edges (the product of the horizontal and
// vertical ramps; InsetBlend in XrPerfCore). Weight 1 writes without
// reading; weight 0 leaves the pixel alone. The CPU reference is
// XrPerfCore's InsetReference, the same arithmetic.
//
// One invocation per 2x2 block of pixels, as in the upscaling pass: where
// the bases of a block's neighbouring pixels differ by at most one texel (the
// focus is magnified, or at density 1 bar rounding), the block reads the 3x3
// texels bilinear needs (instead of 4 x 4), or the 21 of a 5x5 block the
// sharpening needs (instead of 4 x 12), and each pixel picks its taps out of
// them: on a software rasteriser the fetches are most of the cost. A block
// where they differ by more (a focus denser than the output) fetches per
// pixel. Either way each pixel computes exactly the per-pixel arithmetic.

layout(local_size_x = 64, local_size_y = 1, local_size_z = 1) in;

layout(set = 0, binding = 0) uniform sampler2DArray source;
// Read and written: the periphery is under the blend band. Loads through a
// storage format qualifier need no device feature.
layout(set = 1, binding = 1, OUTPUT_FORMAT) uniform image2DArray target;

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

// The stored pixel in linear RGBA, as the upscaling pass's store wrote it.
vec4 load(ivec3 pixel) {
    vec4 colour = imageLoad(target, pixel);
    if (SWAP_RED_BLUE) {
        colour = colour.bgra;
    }
    if (ENCODE_SRGB) {
        colour.rgb = vec3(decodeSRGB(colour.r), decodeSRGB(colour.g), decodeSRGB(colour.b));
    }
    return colour;
}

void store(ivec3 pixel, vec4 colour) {
    if (ENCODE_SRGB) {
        colour = vec4(encodeSRGB(colour.r), encodeSRGB(colour.g), encodeSRGB(colour.b), colour.a);
    }
    if (SWAP_RED_BLUE) {
        colour = colour.bgra;
    }
    imageStore(target, pixel, colour);
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

// Blends and stores one pixel of the block, unless it lies outside the
// dispatched region or the image (the caller clips to the eye's rect; the
// image's size is only known here) or has weight 0.
void finish(ivec2 pixel, vec4 colour) {
    if (any(greaterThanEqual(pixel, p.region.xy + p.region.zw)) || any(greaterThanEqual(pixel, imageSize(target).xy))) {
        return;
    }
    float weight = weightAt(vec2(pixel) + 0.5);
    if (weight <= 0.0) {
        return;
    }
    ivec3 at = ivec3(pixel, p.targetLayer);
    if (weight < 1.0) {
        colour = mix(load(at), colour, weight);
    }
    store(at, colour);
}

void main() {
    ivec2 offset = ivec2(gl_GlobalInvocationID.xy) * 2;
    if (offset.x >= p.region.z || offset.y >= p.region.w) {
        return;
    }
    ivec2 first = p.region.xy + offset;
    // Pixel centres map linearly onto the source rect, written as
    // InsetReference writes it.
    vec2 position0 = (vec2(first) + 0.5 - p.rect.xy) * p.scale - 0.5;
    vec2 position1 = (vec2(first + 1) + 0.5 - p.rect.xy) * p.scale - 0.5;
    vec2 floor0 = floor(position0);
    vec2 floor1 = floor(position1);
    vec2 f0 = position0 - floor0;
    vec2 f1 = position1 - floor1;
    ivec2 base = ivec2(floor0);
    ivec2 step = ivec2(floor1) - base;

    vec4 c00, c10, c01, c11;
    if (!PER_PIXEL_FALLBACK || all(lessThanEqual(step, ivec2(1)))) {
        if (SHARPEN) {
            #define FETCH(c, r) G(c, r) = fetch(base + ivec2((c) - 1, (r) - 1));
            FETCH(1, 0) FETCH(2, 0) FETCH(3, 0)
            FETCH(0, 1) FETCH(1, 1) FETCH(2, 1) FETCH(3, 1) FETCH(4, 1)
            FETCH(0, 2) FETCH(1, 2) FETCH(2, 2) FETCH(3, 2) FETCH(4, 2)
            FETCH(0, 3) FETCH(1, 3) FETCH(2, 3) FETCH(3, 3) FETCH(4, 3)
            FETCH(1, 4) FETCH(2, 4) FETCH(3, 4)
            #undef FETCH
        } else {
            #define FETCH(c, r) G(c, r) = fetch(base + ivec2((c) - 1, (r) - 1));
            FETCH(1, 1) FETCH(2, 1) FETCH(3, 1)
            FETCH(1, 2) FETCH(2, 2) FETCH(3, 2)
            FETCH(1, 3) FETCH(2, 3) FETCH(3, 3)
            #undef FETCH
        }
        bvec2 sx = equal(step, ivec2(1));
        c00 = picked(false, false, f0);
        c10 = picked(sx.x, false, vec2(f1.x, f0.y));
        c01 = picked(false, sx.y, vec2(f0.x, f1.y));
        c11 = picked(sx.x, sx.y, f1);
    } else {
        ivec2 base1 = ivec2(floor1);
        c00 = direct(base, f0);
        c10 = direct(ivec2(base1.x, base.y), vec2(f1.x, f0.y));
        c01 = direct(ivec2(base.x, base1.y), vec2(f0.x, f1.y));
        c11 = direct(base1, f1);
    }
    finish(first, c00);
    finish(first + ivec2(1, 0), c10);
    finish(first + ivec2(0, 1), c01);
    finish(first + ivec2(1, 1), c11);
}
