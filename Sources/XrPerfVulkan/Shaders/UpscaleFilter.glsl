// The upscaling filters, shared by the compute pass (Upscale.glsl, 2x2
// blocks per invocation, written through a storage view) and the graphics
// pass (UpscaleFragment.frag, one pixel per fragment, written through a colour
// attachment): the app's image, the push constants, the specialisation
// constants and the two filters on a grid of source texels.

layout(set = 0, binding = 0) uniform sampler2DArray source;

// Must match UpscalePushConstants in UpscalePipelines.swift (56 bytes).
layout(push_constant) uniform Parameters {
    ivec4 sourceRect;        // x, y, width, height in the app's image
    ivec4 targetRect;        // x, y, width, height in the runtime's image
    int sourceLayer;
    int targetLayer;
    float sharpness;         // 0..1, edge filter only
    float reserved;
    vec2 inverseSourceSize;  // 1 / the app's image size, for normalised coordinates
} p;

// Specialisation constants rather than branches on push constants: a
// software rasteriser (lavapipe) runs both sides of a branch it cannot prove
// uniform, so each pipeline holds only the code it needs.
layout(constant_id = 0) const bool EDGE = false;
layout(constant_id = 1) const bool ENCODE_SRGB = false;
layout(constant_id = 2) const bool SWAP_RED_BLUE = false;
layout(constant_id = 3) const bool DECODE_SRGB = false;

#include "SourceTexels.glsl"

float luma(vec4 c) {
    return dot(c.rgb, vec3(0.25, 0.5, 0.25));
}

// The block's source texels, row by row; G(column, row) with the block's
// first pixel's base texel at (1, 1) (edge) or (0, 0) (bilinear). The four
// corners of the 5x5 block are never a tap of any pixel and stay unread.
vec4 grid[25];
float gridLuma[25];
#define G(c, r) grid[(r) * 5 + (c)]
#define GL(c, r) gridLuma[(r) * 5 + (c)]

// A pixel's base is the block's first base plus (sx, sy), each 0 or 1.
vec4 pick(int c, int r, bool sx, bool sy) {
    vec4 top = sx ? G(c + 1, r) : G(c, r);
    vec4 bottom = sx ? G(c + 1, r + 1) : G(c, r + 1);
    return sy ? bottom : top;
}

float pickLuma(int c, int r, bool sx, bool sy) {
    float top = sx ? GL(c + 1, r) : GL(c, r);
    float bottom = sx ? GL(c + 1, r + 1) : GL(c, r + 1);
    return sy ? bottom : top;
}

vec4 bilinear(bool sx, bool sy, vec2 f) {
    vec4 top = mix(pick(0, 0, sx, sy), pick(1, 0, sx, sy), f.x);
    vec4 bottom = mix(pick(0, 1, sx, sy), pick(1, 1, sx, sy), f.x);
    return mix(top, bottom, f.y);
}

// Edge-adaptive interpolation over 12 taps (the 2x2 quad around the sample
// and the 8 texels that touch it), followed by contrast-adaptive sharpening.
// The luma gradient at the sample gives the edge's normal n; each tap's
// offset is measured in a metric that is short along the edge and long
// across it, so the result smooths along edges (no stair steps) and keeps
// them sharp across (no blur); then it is clamped to the quad's range, so no
// ringing. Sharpening adds `amount x (value - quad mean)` to the colour, with
// the amount reduced where local contrast is already high, and is clamped to
// the range of all 12 taps, so thin lines gain contrast without halos; alpha
// (coverage, not detail) is interpolated, never sharpened.
vec4 edgeAdaptive(bool sx, bool sy, vec2 f) {
    #define V(ox, oy) pick((ox) + 1, (oy) + 1, sx, sy)
    #define L(ox, oy) pickLuma((ox) + 1, (oy) + 1, sx, sy)
    vec4 a = V(0, 0), b = V(1, 0), c = V(0, 1), d = V(1, 1);
    vec4 n0 = V(0, -1), n1 = V(1, -1), w0 = V(-1, 0), w1 = V(-1, 1);
    vec4 e0 = V(2, 0), e1 = V(2, 1), s0 = V(0, 2), s1 = V(1, 2);
    float la = L(0, 0), lb = L(1, 0), lc = L(0, 1), ld = L(1, 1);
    float gx = mix(mix(lb - L(-1, 0), L(2, 0) - la, f.x), mix(ld - L(-1, 1), L(2, 1) - lc, f.x), f.y);
    float gy = mix(mix(lc - L(0, -1), ld - L(1, -1), f.x), mix(L(0, 2) - la, L(1, 2) - lb, f.x), f.y);
    #undef V
    #undef L
    float g = length(vec2(gx, gy));
    vec2 normal = g > 1e-6 ? vec2(gx, gy) / g : vec2(1.0, 0.0);
    float strength = clamp(g * 4.0, 0.0, 1.0);
    float across = 1.0 + 2.0 * strength;
    float along = 1.0 - 0.5 * strength;

    // A tap at offset v from the sample has the squared distance
    // across (v.n)^2 + along (v x n)^2, written as the quadratic form
    // mxx vx^2 + myy vy^2 + mxy vx vy, so the squares of the four distinct
    // vx and vy are shared between taps. Its weight is a smooth window of
    // radius 1.25 texels, (1 - d^2 / 1.5625)^2 (the 0.64 is folded into the
    // form), so the nearest four taps dominate and the outer ring only
    // contributes along an edge (where the metric stretches).
    float mxx = 0.64 * (across * normal.x * normal.x + along * normal.y * normal.y);
    float myy = 0.64 * (across * normal.y * normal.y + along * normal.x * normal.x);
    float mxy = 1.28 * (across - along) * normal.x * normal.y;
    vec4 vx = vec4(-1.0, 0.0, 1.0, 2.0) - f.x;
    vec4 vy = vec4(-1.0, 0.0, 1.0, 2.0) - f.y;
    vec4 xx = mxx * vx * vx;
    vec4 yy = myy * vy * vy;
    vec4 sum = vec4(0.0);
    float total = 0.0;
    // ox, oy are offsets + 1: indices into vx, vy.
    #define TAP(value, ox, oy) { \
        float x = max(0.0, 1.0 - (xx[ox] + yy[oy] + mxy * (vx[ox] * vy[oy]))); \
        float w = x * x; \
        sum += value * w; total += w; }
    TAP(a, 1, 1) TAP(b, 2, 1) TAP(c, 1, 2) TAP(d, 2, 2)
    TAP(n0, 1, 0) TAP(n1, 2, 0) TAP(w0, 0, 1) TAP(w1, 0, 2)
    TAP(e0, 3, 1) TAP(e1, 3, 2) TAP(s0, 1, 3) TAP(s1, 2, 3)
    #undef TAP

    vec4 quadMin = min(min(a, b), min(c, d));
    vec4 quadMax = max(max(a, b), max(c, d));
    // total > 0: the nearest of the four quad taps is within 0.71 texels.
    vec4 value = clamp(sum / total, quadMin, quadMax);
    if (p.sharpness <= 0.0) {
        return value;
    }
    vec3 ringMin = min(quadMin.rgb, min(min(min(n0.rgb, n1.rgb), min(w0.rgb, w1.rgb)), min(min(e0.rgb, e1.rgb), min(s0.rgb, s1.rgb))));
    vec3 ringMax = max(quadMax.rgb, max(max(max(n0.rgb, n1.rgb), max(w0.rgb, w1.rgb)), max(max(e0.rgb, e1.rgb), max(s0.rgb, s1.rgb))));
    float lowest = dot(ringMin, vec3(0.25, 0.5, 0.25));
    float highest = dot(ringMax, vec3(0.25, 0.5, 0.25));
    float room = clamp(min(lowest, 1.0 - highest) / max(highest, 1.0 / 64.0), 0.0, 1.0);
    float amount = p.sharpness * sqrt(room);
    vec3 mean = (a.rgb + b.rgb + c.rgb + d.rgb) * 0.25;
    return vec4(clamp(value.rgb + amount * (value.rgb - mean), ringMin, ringMax), value.a);
}

