/// The focus-inset pass computed on the CPU, step for step as
/// Sources/XrPerfVulkan/Shaders/Inset.glsl does it, in 32-bit floats: byte
/// images in the format's memory order in, the runtime image as the pass
/// leaves it out. xrperf-passbench and the tests compare the GPU's result
/// with this; the layer does not use it.
public enum InsetReference {
    /// 8-bit RGBA or BGRA pixels, 4 bytes each, rows top to bottom.
    public struct ByteImage: Sendable, Equatable {
        public let width: Int
        public let height: Int
        public var bytes: [UInt8]

        public init(width: Int, height: Int, bytes: [UInt8]) {
            precondition(bytes.count == width * height * 4, "byte count does not match the size")
            self.width = width
            self.height = height
            self.bytes = bytes
        }

        public init(width: Int, height: Int, filledWith pixel: [UInt8]) {
            precondition(pixel.count == 4, "a pixel has 4 bytes")
            self.init(width: width, height: height,
                      bytes: Array((0..<width * height).map { _ in pixel }.joined()))
        }

        public func pixel(x: Int, y: Int) -> [UInt8] {
            let offset = (y * width + x) * 4
            return Array(bytes[offset..<offset + 4])
        }
    }

    /// The pass drawing `source` of `focus` over `target` (an 8-bit `format`)
    /// into `rect`, limited to `clip`; layer 0 of both.
    public static func composite(focus: ByteImage, source: PixelRect, over target: ByteImage, rect: InsetRect,
                                 clip: PixelRect, blendWidth: Float, sharpness: Float,
                                 format: UpscaleFormat) -> ByteImage {
        var result = target
        let imageBounds = PixelRect(x: 0, y: 0, width: Int32(target.width), height: Int32(target.height))
        guard let region = rect.coveredPixels(within: clip), let pixels = region.intersection(imageBounds) else {
            return result
        }
        let texels = linearImage(focus, source, format)
        let scale = rect.sourceTexelsPerPixel(source)
        let inverseWidth = InsetBlend.inverseWidth(blendWidth)
        let amount = min(max(sharpness, 0), 1)
        for y in pixels.y..<(pixels.y + pixels.height) {
            for x in pixels.x..<(pixels.x + pixels.width) {
                let weight = InsetBlend.weight(x: x, y: y, rect: rect, inverseWidth: inverseWidth)
                guard weight > 0 else { continue }
                var colour = focusColour(texels, x: x, y: y, rect: rect, scale: scale, sharpness: amount)
                let offset = (Int(y) * target.width + Int(x)) * 4
                if weight < 1 {
                    let under = load(Array(target.bytes[offset..<offset + 4]), format)
                    colour = UpscaleReference.mix(under, colour, weight)
                }
                result.bytes.replaceSubrange(offset..<offset + 4, with: store(colour, format))
            }
        }
        return result
    }

    /// The focus view at the centre of runtime pixel (x, y): bilinear, then
    /// the optional sharpening.
    static func focusColour(_ texels: UpscaleReference.Image, x: Int32, y: Int32, rect: InsetRect,
                            scale: SIMD2<Float>, sharpness: Float) -> SIMD4<Float> {
        let centre = SIMD2<Float>(Float(x) + 0.5, Float(y) + 0.5)
        let position = (centre - SIMD2(rect.x0, rect.y0)) * scale - 0.5
        let floored = position.rounded(.down)
        let f = position - floored
        let (bx, by) = (Int(floored.x), Int(floored.y))
        func at(_ dx: Int, _ dy: Int) -> SIMD4<Float> { UpscaleReference.fetch(texels, bx + dx, by + dy) }
        let a = at(0, 0), b = at(1, 0), c = at(0, 1), d = at(1, 1)
        let value = UpscaleReference.mix(UpscaleReference.mix(a, b, f.x), UpscaleReference.mix(c, d, f.x), f.y)
        guard sharpness > 0 else { return value }
        // The ring around the quad: above, left, right, below.
        let n0 = at(0, -1), n1 = at(1, -1), w0 = at(-1, 0), w1 = at(-1, 1)
        let e0 = at(2, 0), e1 = at(2, 1), s0 = at(0, 2), s1 = at(1, 2)
        // Each quad texel's four neighbours' mean, interpolated like the value.
        let meanA = (n0 + w0 + b + c) * 0.25, meanB = (n1 + a + e0 + d) * 0.25
        let meanC = (a + w1 + d + s0) * 0.25, meanD = (b + c + e1 + s1) * 0.25
        let blur = UpscaleReference.mix(UpscaleReference.mix(meanA, meanB, f.x), UpscaleReference.mix(meanC, meanD, f.x), f.y)
        let quadMin = pointwiseMin(pointwiseMin(a, b), pointwiseMin(c, d))
        let quadMax = pointwiseMax(pointwiseMax(a, b), pointwiseMax(c, d))
        let ringMin = pointwiseMin(quadMin, pointwiseMin(pointwiseMin(pointwiseMin(n0, n1), pointwiseMin(w0, w1)),
                                                         pointwiseMin(pointwiseMin(e0, e1), pointwiseMin(s0, s1))))
        let ringMax = pointwiseMax(quadMax, pointwiseMax(pointwiseMax(pointwiseMax(n0, n1), pointwiseMax(w0, w1)),
                                                         pointwiseMax(pointwiseMax(e0, e1), pointwiseMax(s0, s1))))
        let lowest = UpscaleReference.luma(ringMin), highest = UpscaleReference.luma(ringMax)
        let room = min(max(min(lowest, 1 - highest) / max(highest, 1.0 / 64.0), 0), 1)
        let amount = sharpness * room.squareRoot()
        var sharpened = (value + amount * (value - blur)).clamped(lowerBound: ringMin, upperBound: ringMax)
        // Alpha is interpolated, never sharpened.
        sharpened.w = value.w
        return sharpened
    }

    /// `source` of `focus` as the pass's fetch returns it: channels in RGBA
    /// order (the sampler reads the format's own order), linear for sRGB.
    static func linearImage(_ focus: ByteImage, _ source: PixelRect, _ format: UpscaleFormat) -> UpscaleReference.Image {
        var pixels: [SIMD4<Float>] = []
        pixels.reserveCapacity(Int(source.width) * Int(source.height))
        for y in Int(source.y)..<Int(source.y + source.height) {
            for x in Int(source.x)..<Int(source.x + source.width) {
                var value = unorm(focus.pixel(x: x, y: y))
                if format.swapsRedAndBlue { value = SIMD4(value.z, value.y, value.x, value.w) }
                if format.isSRGB { value = decoded(value) }
                pixels.append(value)
            }
        }
        return UpscaleReference.Image(width: Int(source.width), height: Int(source.height), pixels: pixels)
    }

    /// A runtime pixel as the pass's imageLoad and decode give it.
    static func load(_ bytes: [UInt8], _ format: UpscaleFormat) -> SIMD4<Float> {
        var value = unorm(bytes)
        if format.swapsRedAndBlue { value = SIMD4(value.z, value.y, value.x, value.w) }
        return format.isSRGB ? decoded(value) : value
    }

    /// What the pass's encode and imageStore through the UNORM view write.
    static func store(_ colour: SIMD4<Float>, _ format: UpscaleFormat) -> [UInt8] {
        var value = colour
        if format.isSRGB {
            value = SIMD4(UpscaleReference.encodeSRGB(value.x), UpscaleReference.encodeSRGB(value.y),
                          UpscaleReference.encodeSRGB(value.z), value.w)
        }
        if format.swapsRedAndBlue { value = SIMD4(value.z, value.y, value.x, value.w) }
        return (0..<4).map { UInt8((min(max(value[$0], 0), 1) * 255).rounded()) }
    }

    static func unorm(_ bytes: [UInt8]) -> SIMD4<Float> {
        SIMD4(Float(bytes[0]) / 255, Float(bytes[1]) / 255, Float(bytes[2]) / 255, Float(bytes[3]) / 255)
    }

    /// Alpha is never sRGB-encoded.
    static func decoded(_ value: SIMD4<Float>) -> SIMD4<Float> {
        SIMD4(UpscaleReference.decodeSRGB(value.x), UpscaleReference.decodeSRGB(value.y),
              UpscaleReference.decodeSRGB(value.z), value.w)
    }
}
