import Testing
@testable import XrPerfCore

@Suite struct InsetReferenceTests {
    static let rgba = UpscaleFormat(vulkanFormat: UpscaleFormat.r8g8b8a8Unorm)!
    static let srgb = UpscaleFormat(vulkanFormat: UpscaleFormat.r8g8b8a8SRGB)!
    static let bgraSRGB = UpscaleFormat(vulkanFormat: UpscaleFormat.b8g8r8a8SRGB)!

    static func whole(_ image: InsetReference.ByteImage) -> PixelRect {
        PixelRect(x: 0, y: 0, width: Int32(image.width), height: Int32(image.height))
    }

    @Test func aKnownRowIsBilinearAndClampedToTheSourceRect() {
        // Two texels, 0 and 255, stretched over four pixels: positions
        // -0.25, 0.25, 0.75, 1.25 in texels, clamped at both ends.
        let focus = InsetReference.ByteImage(width: 2, height: 1, bytes: [0, 0, 0, 255, 255, 0, 0, 255])
        let target = InsetReference.ByteImage(width: 6, height: 1, filledWith: [9, 9, 9, 9])
        let result = InsetReference.composite(
            focus: focus, source: Self.whole(focus), over: target, rect: InsetRect(x0: 1, y0: 0, x1: 5, y1: 1),
            clip: Self.whole(target), blendWidth: 0, sharpness: 0, format: Self.rgba)
        #expect((0..<6).map { result.pixel(x: $0, y: 0)[0] } == [9, 0, 64, 191, 255, 9])
        #expect(result.pixel(x: 2, y: 0) == [64, 0, 0, 255])
        #expect(result.pixel(x: 0, y: 0) == [9, 9, 9, 9])
    }

    @Test func aSourceRectReadsNothingOutsideIt() {
        // The left column is another view's: never read, even at the edge.
        var bytes: [UInt8] = []
        for x in 0..<4 { bytes += x == 0 ? [255, 255, 255, 255] : [20, 40, 60, 255] }
        let focus = InsetReference.ByteImage(width: 4, height: 1, bytes: bytes)
        let target = InsetReference.ByteImage(width: 8, height: 2, filledWith: [0, 0, 0, 255])
        let result = InsetReference.composite(
            focus: focus, source: PixelRect(x: 1, y: 0, width: 3, height: 1), over: target,
            rect: InsetRect(x0: 0, y0: 0, x1: 8, y1: 2), clip: Self.whole(target), blendWidth: 0, sharpness: 0.8,
            format: Self.rgba)
        #expect(result == InsetReference.ByteImage(width: 8, height: 2, filledWith: [20, 40, 60, 255]))
    }

    @Test(arguments: [rgba, srgb, bgraSRGB])
    func flatColoursCompositeExactly(format: UpscaleFormat) {
        let focus = InsetReference.ByteImage(width: 7, height: 5, filledWith: [200, 30, 90, 255])
        let target = InsetReference.ByteImage(width: 40, height: 30, filledWith: [10, 120, 250, 255])
        let rect = InsetRect(x0: 5.5, y0: 4, x1: 30.25, y1: 26)
        for sharpness: Float in [0, 1] {
            let result = InsetReference.composite(focus: focus, source: Self.whole(focus), over: target, rect: rect,
                                                  clip: Self.whole(target), blendWidth: 6, sharpness: sharpness,
                                                  format: format)
            var blended = 0
            for y in 0..<30 {
                for x in 0..<40 {
                    let weight = InsetBlend.weight(x: Int32(x), y: Int32(y), rect: rect, blendWidth: 6)
                    let pixel = result.pixel(x: x, y: y)
                    if weight == 0 {
                        #expect(pixel == [10, 120, 250, 255], "(\(x), \(y))")
                    } else if weight == 1 {
                        #expect(pixel == [200, 30, 90, 255], "(\(x), \(y))")
                    } else {
                        blended += 1
                        // Between both colours, channel by channel.
                        for channel in 0..<3 {
                            let low = min(target.bytes[channel], focus.bytes[channel])
                            let high = max(target.bytes[channel], focus.bytes[channel])
                            #expect(pixel[channel] >= low && pixel[channel] <= high, "(\(x), \(y)) \(pixel)")
                        }
                    }
                }
            }
            #expect(blended > 0)
        }
    }

    @Test func theBandBlendsInLinearLightForSRGB() {
        let focus = InsetReference.ByteImage(width: 1, height: 1, filledWith: [255, 255, 255, 255])
        let target = InsetReference.ByteImage(width: 20, height: 1, filledWith: [0, 0, 0, 255])
        // Pixel 4's centre is 4.5 of a 9-pixel band inside: weight 0.5 horizontally.
        let rect = InsetRect(x0: 0, y0: -100, x1: 20, y1: 100)
        #expect(InsetBlend.weight(x: 4, y: 0, rect: rect, blendWidth: 9) == 0.5)
        let linear = InsetReference.composite(focus: focus, source: Self.whole(focus), over: target, rect: rect,
                                              clip: Self.whole(target), blendWidth: 9, sharpness: 0, format: Self.rgba)
        let encoded = InsetReference.composite(focus: focus, source: Self.whole(focus), over: target, rect: rect,
                                               clip: Self.whole(target), blendWidth: 9, sharpness: 0, format: Self.srgb)
        #expect(linear.pixel(x: 4, y: 0) == [128, 128, 128, 255])
        // Half the light is 188 in sRGB.
        #expect(encoded.pixel(x: 4, y: 0) == [188, 188, 188, 255])
    }

    @Test func bgraKeepsItsChannelOrder() {
        // Memory order B, G, R, A on both sides: a blue focus over red.
        let focus = InsetReference.ByteImage(width: 2, height: 2, filledWith: [255, 0, 0, 255])
        let target = InsetReference.ByteImage(width: 10, height: 10, filledWith: [0, 0, 255, 255])
        let rect = InsetRect(x0: 0, y0: 0, x1: 10, y1: 10)
        let result = InsetReference.composite(focus: focus, source: Self.whole(focus), over: target, rect: rect,
                                              clip: Self.whole(target), blendWidth: 3, sharpness: 0, format: Self.bgraSRGB)
        #expect(result.pixel(x: 5, y: 5) == [255, 0, 0, 255])
        let edge = result.pixel(x: 0, y: 5)
        #expect(edge[0] > 0 && edge[0] < 255 && edge[1] == 0 && edge[2] > 0 && edge[2] < 255, "\(edge)")
    }

    @Test func nothingOutsideTheClipChanges() {
        let focus = InsetReference.ByteImage(width: 4, height: 4, filledWith: [255, 255, 255, 255])
        let target = InsetReference.ByteImage(width: 20, height: 10, filledWith: [0, 0, 0, 255])
        // The right eye's half; the rect reaches into the left eye and below the image.
        let clip = PixelRect(x: 10, y: 0, width: 10, height: 10)
        let result = InsetReference.composite(focus: focus, source: Self.whole(focus), over: target,
                                              rect: InsetRect(x0: 6.5, y0: 3, x1: 14, y1: 14), clip: clip, blendWidth: 0,
                                              sharpness: 0, format: Self.rgba)
        for y in 0..<10 {
            for x in 0..<20 {
                let inside = x >= 10 && x < 14 && y >= 3
                #expect(result.pixel(x: x, y: y) == (inside ? [255, 255, 255, 255] : [0, 0, 0, 255]), "(\(x), \(y))")
            }
        }
    }

    @Test func sharpeningAddsContrastWithinTheTapsRange() {
        // A vertical edge, 60 | 180, magnified 3 times.
        var bytes: [UInt8] = []
        for _ in 0..<6 { for x in 0..<6 { bytes += x < 3 ? [60, 60, 60, 255] : [180, 180, 180, 255] } }
        let focus = InsetReference.ByteImage(width: 6, height: 6, bytes: bytes)
        let target = InsetReference.ByteImage(width: 18, height: 18, filledWith: [0, 0, 0, 255])
        func row(_ sharpness: Float) -> [UInt8] {
            let result = InsetReference.composite(
                focus: focus, source: Self.whole(focus), over: target, rect: InsetRect(x0: 0, y0: 0, x1: 18, y1: 18),
                clip: Self.whole(target), blendWidth: 0, sharpness: sharpness, format: Self.rgba)
            return (0..<18).map { result.pixel(x: $0, y: 9)[0] }
        }
        let plain = row(0), sharp = row(1)
        #expect(plain != sharp)
        #expect(sharp.allSatisfy { $0 >= 60 && $0 <= 180 }, "\(sharp)")
        // Far from the edge nothing changes; across it (pixels 8 and 9 lie
        // between the texels 60 and 180) each side moves towards its own
        // colour: a steeper edge, never past either colour (no halo).
        #expect(sharp[0] == plain[0] && sharp[17] == plain[17])
        #expect(sharp[7] == 60 && sharp[10] == 180, "\(sharp)")
        #expect(sharp[8] < plain[8] && sharp[9] > plain[9], "plain \(plain) sharp \(sharp)")
        // Alpha is never sharpened.
        let result = InsetReference.composite(focus: focus, source: Self.whole(focus), over: target,
                                              rect: InsetRect(x0: 0, y0: 0, x1: 18, y1: 18), clip: Self.whole(target),
                                              blendWidth: 0, sharpness: 1, format: Self.rgba)
        #expect((0..<18).allSatisfy { result.pixel(x: $0, y: 9)[3] == 255 })
    }
}
