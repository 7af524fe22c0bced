#version 450
// xrperf-loadgen's GPU load: one invocation per pixel of an eye's image rect.
// Each pixel gets a test pattern plus a dependent chain of `iterations` ALU
// steps, so the pass costs pixels x iterations. The chain's result is mixed
// into the written colour (below one 8-bit step per channel at most), which
// keeps the pattern visible while no compiler may drop the loop.
// Compiled by tools/compile-shaders.sh into LoadPatternSPIRV.swift.

layout(local_size_x = 8, local_size_y = 8, local_size_z = 1) in;

layout(set = 0, binding = 0, rgba8) uniform writeonly image2D target;

// Must match LoadPushConstants in ComputeLoad.swift (32 bytes).
layout(push_constant) uniform Parameters {
    ivec2 origin;      // imageRect offset
    ivec2 size;        // imageRect extent
    uint iterations;   // ALU iterations per pixel
    uint pattern;      // 0 gradient, 1 checkerboard, 2 moving bar
    uint frame;        // frame index, animates the bar
    uint eye;          // 0 left, 1 right
} parameters;

vec3 testPattern(uvec2 pixel, vec2 uv) {
    float eyeTint = parameters.eye == 0u ? 0.2 : 0.8;
    if (parameters.pattern == 1u) {
        uvec2 cell = pixel / 32u;
        float on = float((cell.x + cell.y) & 1u);
        return vec3(on, on, mix(on, eyeTint, 0.5));
    }
    if (parameters.pattern == 2u) {
        // One sweep across the rect every 90 frames (a second at 90 Hz).
        float position = fract(float(parameters.frame) / 90.0);
        float bar = abs(uv.x - position) < 0.04 ? 1.0 : 0.15;
        return vec3(bar, bar, eyeTint * uv.y);
    }
    return vec3(uv.x, uv.y, eyeTint);
}

void main() {
    uvec2 pixel = gl_GlobalInvocationID.xy;
    if (any(greaterThanEqual(pixel, uvec2(parameters.size)))) {
        return;
    }
    vec2 uv = (vec2(pixel) + 0.5) / vec2(parameters.size);
    vec3 color = testPattern(pixel, uv);

    float chain = uv.x * 0.5 + uv.y * 0.25;
    for (uint i = 0u; i < parameters.iterations; ++i) {
        chain = fract(chain * 1.618034 + 0.318310);
    }
    color += vec3(chain * (1.0 / 512.0));

    imageStore(target, parameters.origin + ivec2(pixel), vec4(color, 1.0));
}
