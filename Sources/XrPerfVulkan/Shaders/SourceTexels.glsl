// Shared by the upscaling and focus-inset passes (included after their
// push constants, `source` and DECODE_SRGB): the sRGB curves both write and
// read with, and the clamped texel fetch of the app's imageRect.

// sRGB to linear for the 256 byte values, as a polynomial on (0.04045, 1]
// (least-squares fit at the byte values; within 1.5e-5 of the exact curve,
// 0.05 of an output step where the curve is steepest). UpscaleReference
// .decodeSRGB is the same polynomial.
float decodeSRGB(float x) {
    float curve = ((((((-0.048471082 * x + 0.20576443) * x - 0.40721801) * x + 0.69975913) * x + 0.51681250) * x
        + 0.032397673) * x + 0.00094747281);
    return x <= 0.04045 ? x * (1.0 / 12.92) : curve;
}

// Linear to sRGB: a polynomial in x^(1/4) (two square roots, which are cheap
// everywhere, instead of pow's log and exp; within 0.012 of an output step
// of the exact curve). UpscaleReference.encodeSRGB is the same polynomial.
float encodeSRGB(float linear) {
    float x = clamp(linear, 0.0, 1.0);
    float t = sqrt(sqrt(x));
    float curve = ((((-0.052228659 * t + 0.23747900) * t - 0.51204842) * t + 1.2161279) * t + 0.17320487) * t
        - 0.062538520;
    return x <= 0.0031308 ? x * 12.92 : curve;
}

vec4 fetch(ivec2 local) {
    ivec2 clamped = clamp(local, ivec2(0), p.sourceRect.zw - 1);
    vec4 value = texelFetch(source, ivec3(p.sourceRect.xy + clamped, p.sourceLayer), 0);
    if (DECODE_SRGB) {
        value.rgb = vec3(decodeSRGB(value.r), decodeSRGB(value.g), decodeSRGB(value.b));
    }
    return value;
}
