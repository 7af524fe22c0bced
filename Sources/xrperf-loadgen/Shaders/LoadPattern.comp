#version 450
// xrperf-loadgen's GPU load: one invocation per pixel of an eye's image rect.
// Each pixel gets a test pattern plus a dependent chain of `iterations` ALU
// steps, so the pass costs pixels x iterations. The chain's result is mixed
// into the written colour (too little to change a stored byte of the still
// patterns), which keeps the pattern exact while no compiler may drop the loop.
// Compiled by tools/compile-shaders.sh into LoadPatternSPIRV.swift.
//
// PATTERNS. (x, y) is the pixel inside the eye's imageRect, (0, 0) being the
// rect's top-left pixel, x to the right, y down; (w, h) is the rect's size.
// Nothing depends on where the rect sits in the image, so a rect of one size
// gives the same pixels at any --rect-offset. The values below are the stored
// 8-bit channel values R, G, B (A is 255); they are exact for every pattern
// but bar, whatever the swapchain format (sRGB formats store them unconverted,
// B8G8R8A8 formats in B, G, R, A byte order) and --gpu-iterations. '/' is integer
// division. `eye` is the view's index in its configuration: 0 and 1 are the
// left and right eye (stereo, and the wide peripheral views of quad views),
// 2 and 3 the left and right narrow focus views (quad views only); a view is
// "left" when its index is even. B differs between the eyes in every pattern
// but flat, so the eyes can always be told apart; the focus views of quad
// views look like the peripheral view of their eye.
//   gradient (0)          R = 255(2x+1)/(2w), G = 255(2y+1)/(2h), B = 51 left, 204 right
//   checkerboard (1)      32x32-pixel cells; a cell is "on" when x/32 + y/32 is odd
//                         (the cell at the rect's origin is off). on: R = G = 255,
//                         off: R = G = 0; B = (on ? 128 : 0) + (25 left, 102 right)
//   fine-checkerboard (3) as checkerboard with 1x1 cells: on when x + y is odd
//   text (4)              black glyphs (R = G = B = 0) on paper R = G = 255,
//                         B = 255 left, 128 right; see textInk
//   flat (5)              one colour per view role: peripheral views (eye 0, 1)
//                         R, G, B = 32, 96, 160; focus views (eye 2, 3) 224, 160, 32
//   bar (2)               animated, not exact: a vertical bar at x/w = frame/90
//                         (mod 1), 0.04 w either side, R = G = 1.0, elsewhere
//                         0.15; B = (0.2 left, 0.8 right) x (y + 0.5)/h
// Only bar changes from frame to frame; the others are meant for pixel tests.

layout(local_size_x = 8, local_size_y = 8, local_size_z = 1) in;

layout(set = 0, binding = 0, rgba8) uniform writeonly image2D target;

// Must match LoadPushConstants in ComputeLoad.swift (36 bytes).
layout(push_constant) uniform Parameters {
    ivec2 origin;       // where the rect's (0, 0) is in `target`
    ivec2 size;         // imageRect extent
    uint iterations;    // ALU iterations per pixel
    uint pattern;       // see PATTERNS
    uint frame;         // frame index, animates the bar
    uint eye;           // view index: even left, odd right; 2 and 3 are focus views
    uint channelOrder;  // 0: target holds R,G,B,A; 1: it is a B8G8R8A8 image seen as R8G8B8A8
} parameters;

// Text pattern: 12x16-pixel character cells; the cell at (x/12, y/16) = (cx, cy)
// holds glyph (cx + 4 cy) mod 9, drawn at (lx, ly) = (x mod 12, y mod 16) inside
// the glyph box 2 <= lx <= 9, 3 <= ly <= 12 (the rest of the cell is paper).
// The glyphs give 1- and 2-pixel strokes at 0, 30, 45, 63 and 90 degrees and a
// curve, the edges an upscaler must keep sharp:
//   0 'I'  2-px vertical stroke: lx = 5 or 6
//   1 'E'  1-px strokes: lx = 2; ly = 3; ly = 12; ly = 7 with lx <= 7
//   2 'O'  ring: 44 <= (2 lx - 11)^2 + (2 ly - 15)^2 <= 80
//   3 '/'  1-px 45-degree stroke: ly = 14 - lx
//   4 '\'  2-px 45-degree stroke: (ly - 3) - (lx - 2) = 0 or 1
//   5 'T'  2-px bar ly = 3 or 4, 1-px stem lx = 5
//   6 'X'  1-px diagonals, 4 <= ly <= 11: lx - 2 = ly - 4 or lx - 2 = 11 - ly
//   7 '<'  shallow arms: ly = 3 + 9(9 - lx)/14 or ly = 12 - 9(9 - lx)/14
//   8 'l'  steep stroke (an italic l): lx = 3 + (12 - ly)/2
bool textInk(uvec2 pixel) {
    int lx = int(pixel.x % 12u);
    int ly = int(pixel.y % 16u);
    if (lx < 2 || lx > 9 || ly < 3 || ly > 12) {
        return false;
    }
    uint glyph = (pixel.x / 12u + 4u * (pixel.y / 16u)) % 9u;
    switch (glyph) {
    case 0u: return lx == 5 || lx == 6;
    case 1u: return lx == 2 || ly == 3 || ly == 12 || (ly == 7 && lx <= 7);
    case 2u: {
        int d = (2 * lx - 11) * (2 * lx - 11) + (2 * ly - 15) * (2 * ly - 15);
        return d >= 44 && d <= 80;
    }
    case 3u: return ly == 14 - lx;
    case 4u: return (ly - 3) - (lx - 2) == 0 || (ly - 3) - (lx - 2) == 1;
    case 5u: return ly == 3 || ly == 4 || lx == 5;
    case 6u: return ly >= 4 && ly <= 11 && (lx - 2 == ly - 4 || lx - 2 == 11 - ly);
    case 7u: return ly == 3 + (9 * (9 - lx)) / 14 || ly == 12 - (9 * (9 - lx)) / 14;
    default: return lx == 3 + (12 - ly) / 2;
    }
}

// A still pattern's stored bytes (see PATTERNS).
uvec3 stillPattern(uvec2 pixel, uvec2 size) {
    bool left = (parameters.eye & 1u) == 0u;
    if (parameters.pattern == 5u) {
        return parameters.eye >= 2u ? uvec3(224u, 160u, 32u) : uvec3(32u, 96u, 160u);
    }
    if (parameters.pattern == 1u || parameters.pattern == 3u) {
        uvec2 cell = parameters.pattern == 1u ? pixel / 32u : pixel;
        bool on = ((cell.x + cell.y) & 1u) == 1u;
        uint level = on ? 255u : 0u;
        return uvec3(level, level, (on ? 128u : 0u) + (left ? 25u : 102u));
    }
    if (parameters.pattern == 4u) {
        return textInk(pixel) ? uvec3(0u) : uvec3(255u, 255u, left ? 255u : 128u);
    }
    return uvec3((255u * (2u * pixel + 1u)) / (2u * size), left ? 51u : 204u);
}

vec3 movingBar(vec2 uv) {
    float eyeTint = (parameters.eye & 1u) == 0u ? 0.2 : 0.8;
    // One sweep across the rect every 90 frames (a second at 90 Hz).
    float position = fract(float(parameters.frame) / 90.0);
    float bar = abs(uv.x - position) < 0.04 ? 1.0 : 0.15;
    return vec3(bar, bar, eyeTint * uv.y);
}

void main() {
    uvec2 pixel = gl_GlobalInvocationID.xy;
    uvec2 size = uvec2(parameters.size);
    if (any(greaterThanEqual(pixel, size))) {
        return;
    }
    vec2 uv = (vec2(pixel) + 0.5) / vec2(size);

    float chain = uv.x * 0.5 + uv.y * 0.25;
    for (uint i = 0u; i < parameters.iterations; ++i) {
        chain = fract(chain * 1.618034 + 0.318310);
    }

    vec3 color;
    if (parameters.pattern == 2u) {
        color = movingBar(uv) + vec3(chain * (1.0 / 512.0));
    } else {
        // Byte k is written as (k + 0.25 + 0.2 chain) / 255, chain in [0, 1):
        // between k + 0.25 and k + 0.45 steps, which both rounding to nearest
        // and truncation (Vulkan allows either neighbour) store as k.
        color = (vec3(stillPattern(pixel, size)) + 0.25 + 0.2 * chain) / 255.0;
    }
    vec4 texel = vec4(color, 1.0);
    // A B8G8R8A8 image written through an R8G8B8A8 view: swap so that its
    // R channel still gets R.
    imageStore(target, parameters.origin + ivec2(pixel), parameters.channelOrder == 1u ? texel.bgra : texel);
}
