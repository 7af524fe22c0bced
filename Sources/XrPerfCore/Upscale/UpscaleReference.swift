/// The upscaling pass computed on the CPU, step for step as
/// Sources/XrPerfVulkan/Shaders/Upscale.glsl does it, in 32-bit floats. Pixel
/// tests compare what the runtime received with this; it is not used by the
/// layer. (The shader works on 2x2 blocks of pixels sharing their fetches;
/// each pixel's arithmetic is the per-pixel arithmetic here.)
public enum UpscaleReference {
    /// RGBA values (linear for sRGB formats, as the pass's fetch returns them).
    public struct Image: Sendable {
        public let width: Int
        public let height: Int
        public var pixels: [SIMD4<Float>]

        public init(width: Int, height: Int, pixels: [SIMD4<Float>]) {
            precondition(pixels.count == width * height, "pixel count does not match the size")
            self.width = width
            self.height = height
            self.pixels = pixels
        }

        public subscript(x: Int, y: Int) -> SIMD4<Float> { pixels[y * width + x] }
    }

    /// Upscales all of `source` (the app's imageRect) to `width x height`.
    public static func upscale(_ source: Image, width: Int, height: Int, filter: ProfileSettings.UpscaleFilter,
                               sharpness: Float) -> Image {
        var pixels: [SIMD4<Float>] = []
        pixels.reserveCapacity(width * height)
        let ratio = SIMD2<Float>(Float(source.width), Float(source.height)) / SIMD2<Float>(Float(width), Float(height))
        for y in 0..<height {
            for x in 0..<width {
                let position = (SIMD2<Float>(Float(x), Float(y)) + 0.5) * ratio - 0.5
                let floored = position.rounded(.down)
                let base = (Int(floored.x), Int(floored.y))
                let f = position - floored
                pixels.append(filter == .edge
                    ? edgeAdaptive(source, base, f, sharpness: sharpness)
                    : bilinear(source, base, f))
            }
        }
        return Image(width: width, height: height, pixels: pixels)
    }

    static func fetch(_ image: Image, _ x: Int, _ y: Int) -> SIMD4<Float> {
        image[min(max(x, 0), image.width - 1), min(max(y, 0), image.height - 1)]
    }

    static func mix(_ a: SIMD4<Float>, _ b: SIMD4<Float>, _ t: Float) -> SIMD4<Float> {
        a * (1 - t) + b * t
    }

    static func mix(_ a: Float, _ b: Float, _ t: Float) -> Float {
        a * (1 - t) + b * t
    }

    static func luma(_ c: SIMD4<Float>) -> Float {
        c.x * 0.25 + c.y * 0.5 + c.z * 0.25
    }

    static func bilinear(_ image: Image, _ base: (Int, Int), _ f: SIMD2<Float>) -> SIMD4<Float> {
        let (x, y) = base
        let top = mix(fetch(image, x, y), fetch(image, x + 1, y), f.x)
        let bottom = mix(fetch(image, x, y + 1), fetch(image, x + 1, y + 1), f.x)
        return mix(top, bottom, f.y)
    }

    /// The shader's sRGB decode of a UNORM value (byte / 255) on a CPU
    /// device: a polynomial within 1.5e-5 of the exact curve at every byte.
    public static func decodeSRGB(_ x: Float) -> Float {
        var curve: Float = -0.048471082
        for coefficient: Float in [0.20576443, -0.40721801, 0.69975913, 0.51681250, 0.032397673, 0.00094747281] {
            curve = curve * x + coefficient
        }
        return x <= 0.04045 ? x * (1 / 12.92) : curve
    }

    /// The shader's sRGB encode: a polynomial in x^(1/4).
    public static func encodeSRGB(_ linear: Float) -> Float {
        let x = min(max(linear, 0), 1)
        let t = x.squareRoot().squareRoot()
        var curve: Float = -0.052228659
        for coefficient: Float in [0.23747900, -0.51204842, 1.2161279, 0.17320487, -0.062538520] {
            curve = curve * t + coefficient
        }
        return x <= 0.0031308 ? x * 12.92 : curve
    }

    static func edgeAdaptive(_ image: Image, _ base: (Int, Int), _ f: SIMD2<Float>, sharpness: Float) -> SIMD4<Float> {
        let (x, y) = base
        let a = fetch(image, x, y), b = fetch(image, x + 1, y)
        let c = fetch(image, x, y + 1), d = fetch(image, x + 1, y + 1)
        let n0 = fetch(image, x, y - 1), n1 = fetch(image, x + 1, y - 1)
        let w0 = fetch(image, x - 1, y), w1 = fetch(image, x - 1, y + 1)
        let e0 = fetch(image, x + 2, y), e1 = fetch(image, x + 2, y + 1)
        let s0 = fetch(image, x, y + 2), s1 = fetch(image, x + 1, y + 2)

        let la = luma(a), lb = luma(b), lc = luma(c), ld = luma(d)
        let gx = mix(mix(lb - luma(w0), luma(e0) - la, f.x), mix(ld - luma(w1), luma(e1) - lc, f.x), f.y)
        let gy = mix(mix(lc - luma(n0), ld - luma(n1), f.x), mix(luma(s0) - la, luma(s1) - lb, f.x), f.y)
        let g = (gx * gx + gy * gy).squareRoot()
        let normal = g > 1e-6 ? SIMD2<Float>(gx, gy) / g : SIMD2<Float>(1, 0)
        let strength = min(max(g * 4, 0), 1)
        let across = 1 + 2 * strength
        let along = 1 - 0.5 * strength

        // The squared distance across (v.n)^2 + along (v x n)^2 as a quadratic
        // form with the window's 0.64 folded in; weight (1 - d2)^2.
        let mxx = 0.64 * (across * normal.x * normal.x + along * normal.y * normal.y)
        let myy = 0.64 * (across * normal.y * normal.y + along * normal.x * normal.x)
        let mxy = 1.28 * (across - along) * normal.x * normal.y
        let vx = SIMD4<Float>(-1, 0, 1, 2) - f.x
        let vy = SIMD4<Float>(-1, 0, 1, 2) - f.y
        let xx = mxx * vx * vx
        let yy = myy * vy * vy
        var sum = SIMD4<Float>(repeating: 0)
        var total: Float = 0
        // Offsets + 1, indices into vx and vy.
        let taps: [(SIMD4<Float>, Int, Int)] = [
            (a, 1, 1), (b, 2, 1), (c, 1, 2), (d, 2, 2), (n0, 1, 0), (n1, 2, 0),
            (w0, 0, 1), (w1, 0, 2), (e0, 3, 1), (e1, 3, 2), (s0, 1, 3), (s1, 2, 3),
        ]
        for (value, ox, oy) in taps {
            let x = max(0, 1 - (xx[ox] + yy[oy] + mxy * (vx[ox] * vy[oy])))
            let w = x * x
            sum += value * w
            total += w
        }
        let quadMin = pointwiseMin(pointwiseMin(a, b), pointwiseMin(c, d))
        let quadMax = pointwiseMax(pointwiseMax(a, b), pointwiseMax(c, d))
        let value = (sum / total).clamped(lowerBound: quadMin, upperBound: quadMax)
        guard sharpness > 0 else { return value }
        let ring = [n0, n1, w0, w1, e0, e1, s0, s1]
        let ringMin = ring.reduce(quadMin) { pointwiseMin($0, $1) }
        let ringMax = ring.reduce(quadMax) { pointwiseMax($0, $1) }
        let lowest = luma(ringMin), highest = luma(ringMax)
        let room = min(max(min(lowest, 1 - highest) / max(highest, 1.0 / 64.0), 0), 1)
        let amount = sharpness * room.squareRoot()
        let mean = (a + b + c + d) * 0.25
        var sharpened = (value + amount * (value - mean)).clamped(lowerBound: ringMin, upperBound: ringMax)
        // Alpha is interpolated, never sharpened.
        sharpened.w = value.w
        return sharpened
    }
}
