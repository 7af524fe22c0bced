#version 450
// The graphics upscaling pass's one triangle: it covers the whole viewport
// (the target rect), so every pixel of the rect gets one fragment and no
// vertex buffer is needed.
void main() {
    vec2 corner = vec2((gl_VertexIndex << 1) & 2, gl_VertexIndex & 2);
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
