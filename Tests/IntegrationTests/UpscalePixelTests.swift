import Foundation
import Testing
import XrPerfCore

/// What the runtime receives when xrperf upscales, pixel by pixel, through the
/// real loader: xrperf-loadgen renders a still pattern, XrSim dumps the views
/// it was handed. A run without the layer at `--scale s` gives the app's rect
/// as the app rendered it; a run with the layer at render scale s (the app
/// renders the same rect into the layer's image) gives what the pass made of
/// it. That must match the pass computed on the CPU (UpscaleReference) from
/// the first run, and sit where the rect maps in the runtime's image. Both
/// ways of writing the runtime's image are checked: the graphics pass (the
/// default) and the compute pass.
@Suite(.serialized) struct UpscalePixelTests {
    struct Case: CustomStringConvertible, Sendable {
        var pattern: String
        var format: String
        var layout: String
        var scale: Double
        var filter: ProfileSettings.UpscaleFilter
        var sharpness: Double = 0
        var offset: (Int32, Int32) = (0, 0)

        var description: String {
            "\(pattern) \(format) \(layout) scale \(scale) \(filter.rawValue) sharpness \(sharpness) offset \(offset.0),\(offset.1)"
        }

        var isSRGB: Bool { format.hasSuffix("srgb") }
    }

    static let cases: [Case] = [
        Case(pattern: "gradient", format: "unorm", layout: "separate", scale: 0.5, filter: .bilinear),
        Case(pattern: "text", format: "srgb", layout: "separate", scale: 0.7, filter: .edge, sharpness: 0.5, offset: (8, 4)),
        Case(pattern: "fine-checkerboard", format: "unorm", layout: "array", scale: 0.5, filter: .edge),
        Case(pattern: "gradient", format: "bgra-srgb", layout: "array", scale: 0.7, filter: .bilinear, offset: (6, 10)),
        Case(pattern: "checkerboard", format: "bgra-unorm", layout: "separate", scale: 0.6, filter: .edge, sharpness: 1),
    ]

    static let resolution = "200x180"
    static let dumpedFrame = 4

    /// Runs loadgen for a few frames and returns the dumped views (view 0, view 1).
    static func dumpedViews(_ testCase: Case, withLayer: Bool,
                            path: UpscalePassPath = .graphics) throws -> (output: ProcessOutput, views: [PamImage]) {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        var env = try XrEnvironment(artifacts: artifacts, layers: withLayer ? [XrEnvironment.xrperf] : [], frames: 0)
        defer { env.cleanUp() }
        let dumps = env.scratch.appendingPathComponent("dumps")
        env.variables["XRSIM_RESOLUTION"] = resolution
        env.variables["XRSIM_DUMP_DIR"] = dumps.path
        env.variables["XRSIM_DUMP_FRAMES"] = String(dumpedFrame)
        env.variables["VK_INSTANCE_LAYERS"] = "VK_LAYER_KHRONOS_validation"
        if withLayer {
            env.variables["XRPERF_RENDER_SCALE"] = String(testCase.scale)
            env.variables["XRPERF_UPSCALE_FILTER"] = testCase.filter.rawValue
            env.variables["XRPERF_SHARPNESS"] = String(testCase.sharpness)
            env.variables["XRPERF_UPSCALE_PASS"] = path.rawValue
            // The filter under test, every frame: the controller would trade
            // edge for bilinear when a busy machine makes frames late.
            env.variables["XRPERF_CONTROLLER"] = "false"
            // Storage writes to sRGB and BGRA images need the mutable format XrSim refuses by default, as Monado 25 does.
            if path == .compute { env.variables["XRSIM_ALLOW_SRGB_STORAGE"] = "1" }
        }
        let arguments = [
            "--frames", "6", "--gpu-iterations", "0", "--pattern", testCase.pattern, "--format", testCase.format,
            "--swapchain-layout", testCase.layout, "--rect-offset", "\(testCase.offset.0),\(testCase.offset.1)",
            "--scale", withLayer ? "1" : String(testCase.scale),
        ]
        let output = try runProcess(artifacts.loadgen.path, arguments, environment: env.environment, timeout: 120)
        let context = Comment(rawValue: "xrperf-loadgen \(arguments) layer=\(withLayer):\n\(output.combined.suffix(3000))")
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(!output.combined.contains("VUID-"), context)
        let views = try (0..<2).map { view in
            try PamImage.read(path: dumps.appendingPathComponent("frame-\(dumpedFrame)-layer-0-view-\(view).pam").path)
        }
        return (output, views)
    }

    static func rect(_ image: PamImage) -> PixelRect? {
        guard let line = image.comments.first(where: { $0.hasPrefix("rect ") }) else { return nil }
        let numbers = line.split(separator: " ").dropFirst().compactMap { Int32($0) }
        guard numbers.count == 4 else { return nil }
        return PixelRect(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
    }

    static func swapchainSize(_ image: PamImage) -> (UInt32, UInt32)? {
        guard let line = image.comments.first(where: { $0.hasPrefix("swapchain ") }),
              let size = line.split(separator: " ").dropFirst().first else { return nil }
        let parts = size.split(separator: "x").compactMap { UInt32($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    static func decode(_ byte: UInt8, srgb: Bool) -> Float {
        let value = Float(byte) / 255
        guard srgb else { return value }
        return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }

    static func encode(_ value: Float, srgb: Bool) -> Int {
        var x = min(max(value, 0), 1)
        if srgb { x = x <= 0.0031308 ? x * 12.92 : 1.055 * pow(x, 1 / 2.4) - 0.055 }
        return Int((x * 255).rounded())
    }

    static func reference(_ source: PamImage, width: Int, height: Int, _ testCase: Case) -> [Int] {
        var pixels: [SIMD4<Float>] = []
        pixels.reserveCapacity(source.width * source.height)
        for index in 0..<(source.width * source.height) {
            let bytes = source.pixels[(index * 4)..<(index * 4 + 4)].map { decode($0, srgb: testCase.isSRGB) }
            // Alpha is never sRGB-encoded.
            pixels.append(SIMD4(bytes[0], bytes[1], bytes[2], Float(source.pixels[index * 4 + 3]) / 255))
        }
        let image = UpscaleReference.Image(width: source.width, height: source.height, pixels: pixels)
        let upscaled = UpscaleReference.upscale(image, width: width, height: height, filter: testCase.filter,
                                                sharpness: Float(testCase.sharpness))
        return upscaled.pixels.flatMap { pixel in
            [encode(pixel.x, srgb: testCase.isSRGB), encode(pixel.y, srgb: testCase.isSRGB),
             encode(pixel.z, srgb: testCase.isSRGB), encode(pixel.w, srgb: false)]
        }
    }

    @Test(arguments: cases, UpscalePassPath.allCases)
    func theRuntimeReceivesTheUpscaledRect(_ testCase: Case, path: UpscalePassPath) throws {
        let app = try Self.dumpedViews(testCase, withLayer: false)
        let upscaled = try Self.dumpedViews(testCase, withLayer: true, path: path)
        let substituted = upscaled.output.stderr.split(separator: "\n").filter {
            $0.contains("upscaled to") && $0.contains("\(path.rawValue) pass")
        }
        #expect(substituted.count == (testCase.layout == "array" ? 1 : 2), Comment(rawValue: upscaled.output.stderr))

        for view in 0..<2 {
            let source = app.views[view]
            let target = upscaled.views[view]
            let sourceRect = try #require(Self.rect(source))
            let targetRect = try #require(Self.rect(target))
            let (runtimeWidth, runtimeHeight) = try #require(Self.swapchainSize(target))
            // The app's rect where it drew it; the runtime's where the scale puts it.
            #expect(sourceRect.x == testCase.offset.0 && sourceRect.y == testCase.offset.1)
            #expect(abs(Double(targetRect.x) - Double(sourceRect.x) / testCase.scale) <= 1, "view \(view): \(targetRect)")
            #expect(abs(Double(targetRect.y) - Double(sourceRect.y) / testCase.scale) <= 1, "view \(view): \(targetRect)")
            #expect(abs(Double(targetRect.width) - Double(sourceRect.width) / testCase.scale) <= 1, "view \(view): \(targetRect)")
            #expect(abs(Double(targetRect.height) - Double(sourceRect.height) / testCase.scale) <= 1, "view \(view): \(targetRect)")
            #expect(targetRect.fits(width: runtimeWidth, height: runtimeHeight), "view \(view): \(targetRect)")

            let expected = Self.reference(source, width: target.width, height: target.height, testCase)
            var worst = 0
            var offByMore = 0
            var first: [String] = []
            for index in 0..<expected.count {
                let difference = abs(Int(target.pixels[index]) - expected[index])
                worst = max(worst, difference)
                if difference > 1 {
                    offByMore += 1
                    if first.count < 8 {
                        let pixel = index / 4
                        first.append("(\(pixel % target.width),\(pixel / target.width))[\(index % 4)] got \(target.pixels[index]) want \(expected[index])")
                    }
                }
            }
            let share = Double(offByMore) / Double(expected.count)
            #expect(worst <= 3 && share <= 0.002,
                    "\(testCase) view \(view): worst \(worst), \(offByMore) values off by more than 1: \(first)")
        }
        if testCase.pattern == "gradient" {
            // The right eye in the right view, the right way up (B is 51 left, 204 right).
            for (view, blue) in [(0, 51), (1, 204)] {
                let image = upscaled.views[view]
                let middle = image.pixel(x: image.width / 2, y: image.height / 2)
                #expect(abs(Int(middle.b) - blue) <= 1, "view \(view) blue \(middle.b)")
                #expect(image.pixel(x: 2, y: 0).g < image.pixel(x: 2, y: image.height - 1).g, "view \(view) upside down")
                #expect(image.pixel(x: 0, y: 2).r < image.pixel(x: image.width - 1, y: 2).r, "view \(view) mirrored")
            }
        }
    }

    /// At render scale 1 nothing is substituted: the runtime receives the
    /// app's own images, byte for byte.
    @Test func scaleOneIsUntouched() throws {
        let testCase = Case(pattern: "text", format: "srgb", layout: "separate", scale: 1, filter: .edge, sharpness: 1)
        let app = try Self.dumpedViews(testCase, withLayer: false)
        let layered = try Self.dumpedViews(testCase, withLayer: true)
        #expect(!layered.output.stderr.contains("upscaled to"))
        #expect(app.views == layered.views)
    }
}
