// xrperf's upscaling pass: one invocation per pixel of the destination rect.
// Included by UpscaleRGBA8.comp and UpscaleRGBA16F.comp, which differ only in
// the storage format the destination view is written through (a storage
// format qualifier must match the view, and "without format" writes need a
// device feature the app may not have enabled).
//
// The source is read clamped to the app's imageRect (texelFetch with clamped
// coordinates for the edge filter, the sampler at clamped positions for
// bilinear), so no texel outside the rect (the other eye of a side-by-side
// image, garbage in the unused part of the image) ever bleeds in; the CPU
// reference in XrPerfCore (UpscaleReference.swift) does the same arithmetic.
//
// Colour: a source with an sRGB format is fetched through its sRGB view, so
// filtering happens on linear values; the destination of the same format is
// written through its UNORM view (sRGB formats cannot be storage images), so
// the shader encodes to sRGB itself, once.

// Rows of 64 pixels: on lavapipe the shape made no measurable difference
// (8x8, 16x4, 32x2, 64x1 within noise), and rows read source texels in order.
layout(local_size_x = 64, local_size_y = 1, local_size_z = 1) in;

layout(set = 0, binding = 0) uniform sampler2DArray source;
layout(set = 1, binding = 1, OUTPUT_FORMAT) uniform writeonly image2DArray target;

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

vec4 fetch(ivec2 local) {
    ivec2 clamped = clamp(local, ivec2(0), p.sourceRect.zw - 1);
    return texelFetch(source, ivec3(p.sourceRect.xy + clamped, p.sourceLayer), 0);
}

float luma(vec4 c) {
    return dot(c.rgb, vec3(0.25, 0.5, 0.25));
}

// Weight of a tap at squared distance d2 in the edge-shaped metric: a smooth
// window of radius 1.25 texels, so the nearest four taps dominate and the
// outer ring only contributes along an edge (where the metric stretches).
float tapWeight(float d2) {
    float x = max(0.0, 1.0 - d2 * 0.64);
    return x * x;
}

vec4 bilinear(ivec2 base, vec2 f) {
    vec4 top = mix(fetch(base), fetch(base + ivec2(1, 0)), f.x);
    vec4 bottom = mix(fetch(base + ivec2(0, 1)), fetch(base + ivec2(1, 1)), f.x);
    return mix(top, bottom, f.y);
}

// Edge-adaptive interpolation over 12 taps (the 2x2 quad around the sample
// and the 8 texels that touch it), followed by contrast-adaptive sharpening.
// The luma gradient at the sample gives the edge's normal n; each tap's
// offset is measured in a metric that is short along the edge and long
// across it, so the result smooths along edges (no stair steps) and keeps
// them sharp across (no blur); then it is clamped to the quad's range, so no
// ringing. Sharpening adds `amount x (value - quad mean)`, with the amount
// reduced where local contrast is already high, and is clamped to the range
// of all 12 taps, so thin lines gain contrast without halos.
vec4 edgeAdaptive(ivec2 base, vec2 f) {
    vec4 a = fetch(base);
    vec4 b = fetch(base + ivec2(1, 0));
    vec4 c = fetch(base + ivec2(0, 1));
    vec4 d = fetch(base + ivec2(1, 1));
    vec4 n0 = fetch(base + ivec2(0, -1));
    vec4 n1 = fetch(base + ivec2(1, -1));
    vec4 w0 = fetch(base + ivec2(-1, 0));
    vec4 w1 = fetch(base + ivec2(-1, 1));
    vec4 e0 = fetch(base + ivec2(2, 0));
    vec4 e1 = fetch(base + ivec2(2, 1));
    vec4 s0 = fetch(base + ivec2(0, 2));
    vec4 s1 = fetch(base + ivec2(1, 2));

    float la = luma(a), lb = luma(b), lc = luma(c), ld = luma(d);
    float gx = mix(mix(lb - luma(w0), luma(e0) - la, f.x), mix(ld - luma(w1), luma(e1) - lc, f.x), f.y);
    float gy = mix(mix(lc - luma(n0), ld - luma(n1), f.x), mix(luma(s0) - la, luma(s1) - lb, f.x), f.y);
    float g = length(vec2(gx, gy));
    vec2 normal = g > 1e-6 ? vec2(gx, gy) / g : vec2(1.0, 0.0);
    float strength = clamp(g * 4.0, 0.0, 1.0);
    float across = 1.0 + 2.0 * strength;
    float along = 1.0 - 0.5 * strength;

    vec4 sum = vec4(0.0);
    float total = 0.0;
    #define TAP(value, ox, oy) { \
        vec2 v = vec2(float(ox), float(oy)) - f; \
        float dn = dot(v, normal); \
        float dt = v.x * normal.y - v.y * normal.x; \
        float w = tapWeight(dn * dn * across + dt * dt * along); \
        sum += value * w; total += w; }
    TAP(a, 0, 0) TAP(b, 1, 0) TAP(c, 0, 1) TAP(d, 1, 1)
    TAP(n0, 0, -1) TAP(n1, 1, -1) TAP(w0, -1, 0) TAP(w1, -1, 1)
    TAP(e0, 2, 0) TAP(e1, 2, 1) TAP(s0, 0, 2) TAP(s1, 1, 2)
    #undef TAP

    vec4 quadMin = min(min(a, b), min(c, d));
    vec4 quadMax = max(max(a, b), max(c, d));
    // total > 0: the nearest of the four quad taps is within 0.71 texels.
    vec4 value = clamp(sum / total, quadMin, quadMax);
    if (p.sharpness <= 0.0) {
        return value;
    }
    vec4 ringMin = min(quadMin, min(min(min(n0, n1), min(w0, w1)), min(min(e0, e1), min(s0, s1))));
    vec4 ringMax = max(quadMax, max(max(max(n0, n1), max(w0, w1)), max(max(e0, e1), max(s0, s1))));
    float lowest = luma(ringMin);
    float highest = luma(ringMax);
    float room = clamp(min(lowest, 1.0 - highest) / max(highest, 1.0 / 64.0), 0.0, 1.0);
    float amount = p.sharpness * sqrt(room);
    vec4 mean = (a + b + c + d) * 0.25;
    return clamp(value + amount * (value - mean), ringMin, ringMax);
}

float encodeSRGB(float linear) {
    float x = clamp(linear, 0.0, 1.0);
    return x <= 0.0031308 ? x * 12.92 : 1.055 * pow(x, 1.0 / 2.4) - 0.055;
}

void main() {
    ivec2 pixel = ivec2(gl_GlobalInvocationID.xy);
    if (pixel.x >= p.targetRect.z || pixel.y >= p.targetRect.w) {
        return;
    }
    // Pixel centres map onto each other: the rects' edges coincide.
    vec2 position = (vec2(pixel) + 0.5) * vec2(p.sourceRect.zw) / vec2(p.targetRect.zw) - 0.5;
    vec2 floored = floor(position);
    ivec2 base = ivec2(floored);
    vec2 f = position - floored;
    vec4 colour = EDGE ? edgeAdaptive(base, f) : bilinear(base, f);
    if (ENCODE_SRGB) {
        colour = vec4(encodeSRGB(colour.r), encodeSRGB(colour.g), encodeSRGB(colour.b), colour.a);
    }
    if (SWAP_RED_BLUE) {
        colour = colour.bgra;
    }
    imageStore(target, ivec3(p.targetRect.xy + pixel, p.targetLayer), colour);
}
