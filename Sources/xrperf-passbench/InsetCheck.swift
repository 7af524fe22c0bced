import COpenXR
import XrPerfCore
import XrPerfVulkan

/// Before the inset case is timed: the GPU's focus inset against
/// XrPerfCore's InsetReference on small images. One runtime image holds both
/// eyes side by side; the periphery is upscaled into all of it, read back,
/// then upscaled again with the focus drawn over the right eye and read back;
/// the reference draws the focus over the first read-back. Every 8-bit
/// format the layer substitutes (RGBA and BGRA, UNORM and sRGB: the channel
/// swap and the sRGB decode of what the upscale wrote), two placements
/// (magnified, crossing into the left eye and past the image's bottom; and
/// minified, denser than the output), each without and with sharpening, on
/// both paths (compute writes, and graphics draws blended by the pipeline).
struct InsetCheck {
    static let eyeWidth: UInt32 = 48
    static let height: UInt32 = 40
    static let focusWidth: UInt32 = 22
    static let focusHeight: UInt32 = 18
    static let blendWidth: Float = 5
    /// Most a value may differ from the reference (GPU float arithmetic,
    /// rounding to 8 bits), and the share of values allowed more than 1 off.
    static let worstAllowed = 2
    static let shareAllowed = 0.005

    struct Placement {
        let source: PixelRect
        let rect: InsetRect
    }

    static let placements = [
        Placement(source: PixelRect(x: 2, y: 1, width: 18, height: 15), rect: InsetRect(x0: 40.3, y0: 10.6, x1: 79.9, y1: 44.5)),
        Placement(source: PixelRect(x: 0, y: 0, width: 22, height: 18), rect: InsetRect(x0: 60.2, y0: 5.5, x1: 75.7, y1: 17.25)),
    ]

    let device: BenchDevice
    let context: UpscaleContext
    let sharpness: Double

    static let formats: [(Int64, String)] = [
        (UpscaleFormat.r8g8b8a8Unorm, "R8G8B8A8_UNORM"), (UpscaleFormat.r8g8b8a8SRGB, "R8G8B8A8_SRGB"),
        (UpscaleFormat.b8g8r8a8Unorm, "B8G8R8A8_UNORM"), (UpscaleFormat.b8g8r8a8SRGB, "B8G8R8A8_SRGB"),
    ]

    /// Checks each format the device can write from the pass.
    func run() throws(BenchError) -> InsetVerdict {
        var verdict = InsetVerdict()
        for (number, name) in Self.formats {
            for path in UpscalePassPath.allCases {
                guard let format = UpscaleFormat(vulkanFormat: number), context.supports(format, path: path) else { continue }
                try check(format, path: path, name: name, into: &verdict)
                verdict.formats.append("\(name) \(path.rawValue)")
            }
        }
        // The rgba16f pipelines (the compute path's patched module) are only
        // built: the reference compares bytes.
        for path in UpscalePassPath.allCases {
            guard let half = UpscaleFormat(vulkanFormat: UpscaleFormat.r16g16b16a16Sfloat), context.supports(half, path: path)
            else { continue }
            do {
                try context.prepareInset(focus: half, target: half, path: path)
            } catch {
                throw .pass(error)
            }
        }
        verdict.decide(worstAllowed: Self.worstAllowed, shareAllowed: Self.shareAllowed)
        return verdict
    }

    private func check(_ format: UpscaleFormat, path: UpscalePassPath, name: String,
                       into verdict: inout InsetVerdict) throws(BenchError) {
        let width = 2 * Self.eyeWidth
        let transferSource: UInt64 = 0x08
        let runtimeUsage = CaseRunner.runtimeXrUsage(path, format, extra: transferSource)
        let runtime = try RuntimeImages(device, format: format, width: width, height: Self.height, count: 1,
                                        xrUsage: runtimeUsage, setup: context)
        defer { runtime.destroy() }
        let peripheryWidth = width / 2, peripheryHeight = Self.height / 2
        let periphery: SubstitutedImages
        do {
            try context.prepare(format, filter: .bilinear, path: path)
            try context.prepareInset(focus: format, target: format, path: path)
            periphery = try SubstitutedImages(
                context: context,
                app: .init(format: format, width: peripheryWidth, height: peripheryHeight, arraySize: 1, mipCount: 1,
                           xrUsage: CaseRunner.appXrUsage, imageCount: 1),
                runtimeImages: runtime.images, runtimeXrUsage: runtimeUsage,
                runtimeSize: (width, Self.height), path: path)
        } catch {
            throw .pass(error)
        }
        defer {
            context.waitIdle()
            periphery.destroy()
        }
        let focus: SubstitutedImages
        do {
            focus = try SubstitutedImages(
                context: context,
                app: .init(format: format, width: Self.focusWidth, height: Self.focusHeight, arraySize: 1, mipCount: 1,
                           xrUsage: CaseRunner.appXrUsage, imageCount: 1),
                runtimeImages: [], runtimeXrUsage: runtimeUsage,
                runtimeSize: (1, 1), path: .compute)
        } catch {
            throw .pass(error)
        }
        defer { focus.destroy() }
        try InputPattern.upload(device, images: periphery.appImageHandles.compactMap { $0 }, width: peripheryWidth,
                                height: peripheryHeight, layout: periphery.appLayout, setup: context)
        let focusBytes = InputPattern.focusPixels(width: Int(Self.focusWidth), height: Int(Self.focusHeight))
        try InputPattern.upload(device, images: focus.appImageHandles.compactMap { $0 }, bytes: focusBytes,
                                width: Self.focusWidth, height: Self.focusHeight, layout: focus.appLayout, setup: context)

        let whole = PixelRect(x: 0, y: 0, width: Int32(width), height: Int32(Self.height))
        let rightEye = PixelRect(x: Int32(Self.eyeWidth), y: 0, width: Int32(Self.eyeWidth), height: Int32(Self.height))
        let source = PixelRect(x: 0, y: 0, width: Int32(peripheryWidth), height: Int32(peripheryHeight))
        func composite(_ placement: Placement?, sharpness: Double) throws(BenchError) -> [UInt8] {
            _ = try CaseRunner.timedFrame(device, context) {
                context.upscale(periphery, appImage: 0, sourceLayer: 0, source: source, runtimeImage: 0, targetLayer: 0,
                                target: whole, filter: .bilinear, sharpness: 0)
                if let placement {
                    context.inset(focus, appImage: 0, sourceLayer: 0, source: placement.source, over: periphery,
                                  runtimeImage: 0, targetLayer: 0, rect: placement.rect, clip: rightEye,
                                  blendWidth: Self.blendWidth, sharpness: sharpness)
                }
            }
            return try ImageReadback.read(device, image: runtime.images[0], width: width, height: Self.height,
                                          layout: periphery.runtimeLayout, setup: context)
        }

        let under = try composite(nil, sharpness: 0)
        let focusImage = InsetReference.ByteImage(width: Int(Self.focusWidth), height: Int(Self.focusHeight), bytes: focusBytes)
        let underImage = InsetReference.ByteImage(width: Int(width), height: Int(Self.height), bytes: under)
        for placement in Self.placements {
            for amount in [0, sharpness > 0 ? sharpness : 0.5] {
                let got = try composite(placement, sharpness: amount)
                let expected = InsetReference.composite(
                    focus: focusImage, source: placement.source, over: underImage, rect: placement.rect, clip: rightEye,
                    blendWidth: Self.blendWidth, sharpness: Float(amount), format: format)
                let covered = placement.rect.coveredPixels(within: rightEye)?.intersection(whole)
                verdict.compare(got: got, expected: expected.bytes, under: under, width: Int(width), covered: covered,
                                label: "\(name) \(path.rawValue) \(placement.rect) sharpness \(amount)")
            }
        }
    }
}

/// What InsetCheck found, over every format and placement.
struct InsetVerdict: Encodable {
    var passed = false
    var formats: [String] = []
    /// Values (channels of pixels) compared with the reference.
    var values = 0
    var worst = 0
    var offByMoreThanOne = 0
    /// Values outside the covered pixels that the pass changed (must be 0).
    var changedOutside = 0
    /// Values where the reference differs from the periphery: the inset had
    /// something to do (a pass that did nothing would fail).
    var insetValues = 0
    var firstMismatches: [String] = []

    mutating func compare(got: [UInt8], expected: [UInt8], under: [UInt8], width: Int, covered: PixelRect?, label: String) {
        for index in got.indices {
            let pixel = index / 4
            let (x, y) = (Int32(pixel % width), Int32(pixel / width))
            let inside = covered.map { x >= $0.x && x < $0.x + $0.width && y >= $0.y && y < $0.y + $0.height } ?? false
            if !inside && got[index] != under[index] { changedOutside += 1 }
            if expected[index] != under[index] { insetValues += 1 }
            let difference = abs(Int(got[index]) - Int(expected[index]))
            values += 1
            worst = max(worst, difference)
            if difference > 1 {
                offByMoreThanOne += 1
                if firstMismatches.count < 6 {
                    firstMismatches.append("\(label): (\(x), \(y))[\(index % 4)] got \(got[index]) want \(expected[index])")
                }
            }
        }
    }

    mutating func decide(worstAllowed: Int, shareAllowed: Double) {
        passed = !formats.isEmpty && values > 0 && insetValues > 0 && changedOutside == 0 && worst <= worstAllowed
            && Double(offByMoreThanOne) <= shareAllowed * Double(values)
    }

    var summary: String {
        "inset check: \(passed ? "pass" : "FAIL") (GPU against InsetReference, \(formats.joined(separator: " ")): "
            + "\(values) values, worst difference \(worst), "
            + "\(offByMoreThanOne) more than 1 off, \(changedOutside) changed outside the focus)"
            + (firstMismatches.isEmpty ? "" : "; first: " + firstMismatches.joined(separator: "; "))
    }
}
