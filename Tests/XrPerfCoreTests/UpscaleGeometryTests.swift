import Foundation
import Testing
@testable import XrPerfCore

@Suite struct UpscaleGeometryTests {
    @Test func scaledSizesRoundAndStayInsideTheLimits() {
        #expect(RenderScale.scaled(2064, by: 0.5, limit: 4096) == 1032)
        #expect(RenderScale.scaled(1001, by: 0.7, limit: 4096) == 701)
        #expect(RenderScale.scaled(2000, by: 2, limit: 3000) == 3000)
        #expect(RenderScale.scaled(3, by: 0.1, limit: 100) == 1)
        #expect(RenderScale.scaled(800, by: .nan, limit: 4096) == 800)
    }

    @Test func runtimeImageIsTheAppImageOverTheScale() {
        let geometry = UpscaleGeometry(appWidth: 1032, appHeight: 1104, scale: RenderScale(uniform: 0.5),
                                       limitWidth: 16384, limitHeight: 16384)
        #expect(geometry.runtimeWidth == 2064 && geometry.runtimeHeight == 2208)
        let capped = UpscaleGeometry(appWidth: 1000, appHeight: 1000, scale: RenderScale(x: 0.25, y: 1),
                                     limitWidth: 2048, limitHeight: 2048)
        #expect(capped.runtimeWidth == 2048 && capped.runtimeHeight == 1000)
    }

    /// Monado recommends 128x128; at 0.7 the app is told 90x90, and 90 / 0.7
    /// rounds to 129: the runtime would get an image one pixel larger than
    /// it asked for.
    @Test func theSizeTheAppWasToldMapsBackToTheRecommendedSize() {
        let scale = RenderScale(uniform: 0.7)
        let told = RenderScale.scaled(128, by: 0.7, limit: 128)
        #expect(told == 90)
        let geometry = UpscaleGeometry(appWidth: told, appHeight: told, scale: scale, limitWidth: 16384, limitHeight: 16384,
                                       recommendedWidths: [128, 128], recommendedHeights: [128, 128])
        #expect(geometry.runtimeWidth == 128 && geometry.runtimeHeight == 128)
        // Both eyes side by side in one image.
        let wide = UpscaleGeometry(appWidth: 2 * told, appHeight: told, scale: scale, limitWidth: 16384, limitHeight: 16384,
                                   recommendedWidths: [128], recommendedHeights: [128])
        #expect(wide.runtimeWidth == 256 && wide.runtimeHeight == 128)
        // Without the recommended sizes, 90 / 0.7 rounds to 129, which scales back to 90 too.
        let unknown = UpscaleGeometry(appWidth: told, appHeight: told, scale: scale, limitWidth: 16384, limitHeight: 16384)
        #expect(unknown.runtimeWidth == 129)
    }

    /// Every recommended size from 16 to 4096 at scales 0.3 to 0.95: the
    /// told size maps back to it, and any app size maps to a runtime size
    /// that scales back to the app's.
    @Test func everyToldSizeRoundTrips() {
        for step in 0...13 {
            let factor = 0.3 + 0.05 * Double(step)
            for recommended in stride(from: UInt32(16), through: 4096, by: 7) {
                let told = RenderScale.scaled(recommended, by: factor, limit: recommended)
                #expect(UpscaleGeometry.grown(told, factor, 16384, [recommended]) == recommended)
                let blind = UpscaleGeometry.grown(told, factor, 16384, [])
                #expect(RenderScale.scaled(blind, by: factor, limit: 16384) == told, "\(told) at \(factor) -> \(blind)")
            }
        }
    }

    @Test func rectsMapByTheirEdgesSoSideBySideEyesStillTile() {
        let geometry = UpscaleGeometry(appWidth: 1401, appHeight: 700, runtimeWidth: 2001, runtimeHeight: 1000)
        let left = geometry.runtimeRect(for: PixelRect(x: 0, y: 0, width: 700, height: 700))
        let right = geometry.runtimeRect(for: PixelRect(x: 700, y: 0, width: 701, height: 700))
        #expect(left.x == 0 && left.height == 1000)
        #expect(left.x + left.width == right.x)
        #expect(right.x + right.width == 2001)
    }

    @Test func subRectanglesKeepTheirPlace() {
        let geometry = UpscaleGeometry(appWidth: 100, appHeight: 100, runtimeWidth: 200, runtimeHeight: 200)
        #expect(geometry.runtimeRect(for: PixelRect(x: 10, y: 20, width: 30, height: 40))
                == PixelRect(x: 20, y: 40, width: 60, height: 80))
    }

    @Test func rectFitsFollowsTheRuntimeRule() {
        #expect(PixelRect(x: 0, y: 0, width: 10, height: 10).fits(width: 10, height: 10))
        #expect(!PixelRect(x: 1, y: 0, width: 10, height: 10).fits(width: 10, height: 10))
        #expect(!PixelRect(x: -1, y: 0, width: 5, height: 5).fits(width: 10, height: 10))
        #expect(!PixelRect(x: 0, y: 0, width: 0, height: 5).fits(width: 10, height: 10))
        #expect(!PixelRect(x: Int32.max, y: 0, width: Int32.max, height: 5).fits(width: 10, height: 10))
    }

    @Test func formatsThePassWrites() throws {
        let srgb = try #require(UpscaleFormat(vulkanFormat: UpscaleFormat.b8g8r8a8SRGB))
        #expect(srgb.isSRGB && srgb.swapsRedAndBlue && srgb.needsMutableFormat)
        #expect(srgb.storageViewFormat == UpscaleFormat.r8g8b8a8Unorm)
        let unorm = try #require(UpscaleFormat(vulkanFormat: UpscaleFormat.r8g8b8a8Unorm))
        #expect(!unorm.isSRGB && !unorm.needsMutableFormat)
        let half = try #require(UpscaleFormat(vulkanFormat: UpscaleFormat.r16g16b16a16Sfloat))
        #expect(half.storageClass == .rgba16f && !half.needsMutableFormat)
        #expect(UpscaleFormat(vulkanFormat: 126) == nil)  // D32_SFLOAT
    }
}

@Suite struct SwapchainSubstitutionTests {
    static func request(width: UInt32 = 1032, height: UInt32 = 1104, usage: UInt64 = 0x1, flags: UInt64 = 0,
                        samples: UInt32 = 1, format: Int64 = UpscaleFormat.r8g8b8a8SRGB) -> SwapchainSubstitution.Request {
        .init(format: format, usageFlags: usage, createFlags: flags, sampleCount: samples, width: width, height: height,
              faceCount: 1)
    }

    static func decide(_ request: SwapchainSubstitution.Request, scale: Double = 0.5) -> SwapchainSubstitution {
        SwapchainSubstitution.decide(request, scale: RenderScale(uniform: scale), smallestEyeWidth: 1032, smallestEyeHeight: 1104)
    }

    @Test func eyeBuffersAreSubstituted() {
        guard case .substitute(let format) = Self.decide(Self.request()) else {
            Issue.record("an eye-sized colour swapchain must be substituted")
            return
        }
        #expect(format.vulkanFormat == UpscaleFormat.r8g8b8a8SRGB)
        // Side by side, both eyes in one image.
        guard case .substitute = Self.decide(Self.request(width: 2064)) else {
            Issue.record("a double-width swapchain must be substituted")
            return
        }
    }

    @Test func everythingElsePassesThrough() {
        let cases: [SwapchainSubstitution.Request] = [
            Self.request(usage: 0x2),  // depth
            Self.request(flags: 0x2),  // static image
            Self.request(samples: 4),
            Self.request(width: 512, height: 512),  // a quad's panel
        ]
        for request in cases {
            guard case .passThrough = Self.decide(request) else {
                Issue.record("not passed through: \(request)")
                continue
            }
        }
        #expect(Self.decide(Self.request(format: 91)) == .unsupportedFormat(91))  // R16G16B16A16_UNORM
        if case .substitute = Self.decide(Self.request(), scale: 1) { Issue.record("substituted at scale 1") }
    }
}

@Suite struct LayerImageRingTests {
    @Test func imagesGoRoundInOrder() throws {
        var ring = LayerImageRing(imageCount: 3)
        for expected: UInt32 in [0, 1, 2, 0, 1] {
            #expect(try ring.acquire() == expected)
            #expect(try ring.wait() == expected)
            #expect(try ring.release() == expected)
            #expect(ring.lastReleased == expected)
        }
    }

    @Test func theRuntimeRulesHold() throws {
        var ring = LayerImageRing(imageCount: 2)
        #expect(throws: LayerImageRing.Failure.callOrderInvalid) { try ring.wait() }
        #expect(throws: LayerImageRing.Failure.callOrderInvalid) { try ring.release() }
        _ = try ring.acquire()
        _ = try ring.acquire()
        #expect(throws: LayerImageRing.Failure.callOrderInvalid) { try ring.acquire() }
        #expect(try ring.wait() == 0)
        #expect(throws: LayerImageRing.Failure.callOrderInvalid) { try ring.wait() }
        #expect(try ring.release() == 0)
        #expect(try ring.wait() == 1)
        #expect(try ring.release() == 1)
        #expect(ring.lastReleased == 1)
        #expect(LayerImageRing(imageCount: 0).imageCount == 1)
        #expect(LayerImageRing(imageCount: 99).imageCount == LayerImageRing.maximumImages)
    }
}

@Suite struct UpscaleReferenceTests {
    static func image(_ width: Int, _ height: Int, _ value: (Int, Int) -> Float) -> UpscaleReference.Image {
        var pixels: [SIMD4<Float>] = []
        for y in 0..<height { for x in 0..<width { pixels.append(SIMD4(repeating: value(x, y))) } }
        return UpscaleReference.Image(width: width, height: height, pixels: pixels)
    }

    @Test(arguments: [ProfileSettings.UpscaleFilter.bilinear, .edge])
    func flatStaysFlat(filter: ProfileSettings.UpscaleFilter) {
        let flat = Self.image(5, 4) { _, _ in 0.4 }
        let out = UpscaleReference.upscale(flat, width: 10, height: 8, filter: filter, sharpness: 1)
        #expect(out.pixels.allSatisfy { abs($0.x - 0.4) < 1e-6 })
    }

    @Test func bilinearOfAGradientIsTheGradient() {
        let ramp = Self.image(8, 1) { x, _ in Float(x) / 7 }
        let out = UpscaleReference.upscale(ramp, width: 16, height: 1, filter: .bilinear, sharpness: 0)
        // Pixel centres inside the source map linearly; the edges clamp.
        for x in 1..<15 {
            let position = (Float(x) + 0.5) * 0.5 - 0.5
            #expect(abs(out[x, 0].x - position / 7) < 1e-5)
        }
        #expect(out[0, 0].x == 0 && out[15, 0].x == 1)
    }

    @Test func edgeFilterNeverRingsAndSharpensWithinRange() {
        let step = Self.image(8, 8) { x, _ in x < 4 ? 0.1 : 0.9 }
        for sharpness: Float in [0, 0.5, 1] {
            let out = UpscaleReference.upscale(step, width: 16, height: 16, filter: .edge, sharpness: sharpness)
            #expect(out.pixels.allSatisfy { $0.x >= 0.1 - 1e-6 && $0.x <= 0.9 + 1e-6 })
            // Monotonic across the edge on every row.
            for y in 0..<16 { for x in 1..<16 { #expect(out[x, y].x >= out[x - 1, y].x - 1e-6) } }
        }
    }

    @Test func edgeFilterKeepsAStepSharperThanBilinear() {
        let step = Self.image(8, 8) { x, _ in x < 4 ? 0 : 1 }
        let bilinear = UpscaleReference.upscale(step, width: 32, height: 32, filter: .bilinear, sharpness: 0)
        let edge = UpscaleReference.upscale(step, width: 32, height: 32, filter: .edge, sharpness: 0)
        // Count pixels in the transition band (neither side's value).
        func blurred(_ image: UpscaleReference.Image) -> Int { image.pixels.filter { $0.x > 0.05 && $0.x < 0.95 }.count }
        #expect(blurred(edge) < blurred(bilinear))
    }

    @Test func sharpeningLeavesAlphaAsInterpolated() {
        // Mid greys: sharpening backs off completely at black and white.
        let lines = Self.image(8, 8) { x, _ in x % 3 == 0 ? 0.6 : 0.35 }
        var withAlpha = lines
        withAlpha.pixels = lines.pixels.enumerated().map { index, pixel in
            SIMD4(pixel.x, pixel.y, pixel.z, index % 3 == 0 ? 1 : 0.2)
        }
        let plain = UpscaleReference.upscale(withAlpha, width: 13, height: 13, filter: .edge, sharpness: 0)
        let sharp = UpscaleReference.upscale(withAlpha, width: 13, height: 13, filter: .edge, sharpness: 1)
        #expect(plain.pixels.map(\.w) == sharp.pixels.map(\.w))
        #expect(plain.pixels.map(\.x) != sharp.pixels.map(\.x))
    }

    /// The shader's polynomial sRGB curves stay far inside one output step
    /// of the exact ones (the pixel tests decode and encode exactly).
    @Test func sRGBPolynomialsMatchTheExactCurves() {
        func exactDecode(_ x: Double) -> Double { x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4) }
        func exactEncode(_ x: Double) -> Double { x <= 0.0031308 ? x * 12.92 : 1.055 * pow(x, 1 / 2.4) - 0.055 }
        var worstDecode = 0.0
        for byte in 0...255 {
            let x = Double(byte) / 255
            worstDecode = max(worstDecode, abs(Double(UpscaleReference.decodeSRGB(Float(x))) - exactDecode(x)))
        }
        #expect(worstDecode < 2e-5)
        var worstEncode = 0.0
        for step in 0...10_000 {
            let x = Double(step) / 10_000
            worstEncode = max(worstEncode, abs(Double(UpscaleReference.encodeSRGB(Float(x))) - exactEncode(x)) * 255)
        }
        #expect(worstEncode < 0.02)
        #expect(UpscaleReference.encodeSRGB(1) * 255 > 254.5 && UpscaleReference.encodeSRGB(-1) == 0)
    }
}

@Suite struct RenderScaleSettingsTests {
    static func settings(scale: Double = 1, scaleY: Double = 0, width: Double = 0, height: Double = 0) -> ProfileSettings.Upscale {
        var upscale = ProfileSettings().upscale
        (upscale.renderScale, upscale.renderScaleY, upscale.width, upscale.height) = (scale, scaleY, width, height)
        return upscale
    }

    @Test func scalesPerAxisAndExplicitSizes() {
        #expect(RenderScale(settings: Self.settings(scale: 0.7), recommendedWidth: 2000, recommendedHeight: 2200)
                == RenderScale(x: 0.7, y: 0.7))
        #expect(RenderScale(settings: Self.settings(scale: 0.7, scaleY: 0.5), recommendedWidth: 2000, recommendedHeight: 2200)
                == RenderScale(x: 0.7, y: 0.5))
        #expect(RenderScale(settings: Self.settings(scale: 0.7, width: 1000, height: 1650),
                            recommendedWidth: 2000, recommendedHeight: 2200) == RenderScale(x: 0.5, y: 0.75))
        // A width alone keeps the aspect ratio.
        #expect(RenderScale(settings: Self.settings(width: 1500), recommendedWidth: 2000, recommendedHeight: 2200)
                == RenderScale(x: 0.75, y: 0.75))
        // Nonsense stays within bounds.
        #expect(RenderScale(settings: Self.settings(width: 1), recommendedWidth: 2000, recommendedHeight: 2200)
                == RenderScale(x: 0.1, y: 0.1))
        #expect(RenderScale(settings: Self.settings(scale: 0.5, width: 900), recommendedWidth: 0, recommendedHeight: 0)
                == RenderScale(x: 0.5, y: 0.5))
    }
}

@Suite struct SPIRVStorageFormatTests {
    /// A minimal module: the header, a sampled image type and a storage one.
    static let module: [UInt32] = [
        0x0723_0203, 0x0001_0000, 0, 20, 0,
        (9 << 16) | 25, 10, 6, 1, 0, 1, 0, 1, 0,  // sampled (Sampled = 1): untouched
        (9 << 16) | 25, 11, 6, 1, 0, 1, 0, 2, 4,  // storage, rgba8
    ]

    @Test func onlyTheStorageImageFormatChanges() throws {
        let patched = try #require(SPIRVStorageFormat.patched(Self.module, to: SPIRVStorageFormat.rgba16f))
        var expected = Self.module
        expected[expected.count - 1] = SPIRVStorageFormat.rgba16f
        #expect(patched == expected)
    }

    @Test func malformedModulesAreRefused() {
        #expect(SPIRVStorageFormat.patched([1, 2, 3], to: 2) == nil)
        #expect(SPIRVStorageFormat.patched(Array(Self.module.prefix(10)), to: 2) == nil)  // cut inside an instruction
        #expect(SPIRVStorageFormat.patched(Array(Self.module.prefix(14)), to: 2) == nil)  // no storage image
        var zeroCount = Self.module
        zeroCount[5] = 25
        #expect(SPIRVStorageFormat.patched(zeroCount, to: 2) == nil)
    }
}
