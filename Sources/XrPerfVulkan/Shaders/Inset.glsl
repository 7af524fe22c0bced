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

// Read and written: the periphery is under the blend band. Loads through a
// storage format qualifier need no device feature.
layout(set = 1, binding = 1, OUTPUT_FORMAT) uniform image2DArray target;

#include "InsetFilter.glsl"

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
