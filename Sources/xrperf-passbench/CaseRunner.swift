import COpenXR
import XrPerfCore
import XrPerfVulkan

/// Runs one configuration: the app's images made by the layer's own
/// SubstitutedImages, the runtime's made here, then rounds of one frame per
/// method. Each frame is one command buffer of UpscaleContext's ring with
/// every eye between its two timestamps, waited for before the next is
/// submitted, so no frame's time includes another's work. The order of the
/// methods rotates every round, so drift (thermal, other processes, caches)
/// falls on all three alike.
struct CaseRunner {
    /// XR usage of the app's swapchain: a colour attachment, plus TRANSFER_SRC
    /// for the blit and TRANSFER_DST for the input upload (the pass needs
    /// neither, and SubstitutedImages adds SAMPLED itself).
    static let appXrUsage: UInt64 = 0x01 | 0x08 | 0x10
    static let mutableFormat: UInt64 = 0x40

    /// What the layer asks of the runtime on `path` for an app's colour
    /// swapchain of `format`, plus TRANSFER_DST for the blit and `extra`.
    static func runtimeXrUsage(_ path: UpscalePassPath, _ format: UpscaleFormat, extra: UInt64 = 0) -> UInt64 {
        path.runtimeUsage(appUsage: 0x01, needsMutableFormat: format.needsMutableFormat) | 0x10 | extra
    }

    let device: BenchDevice
    let context: UpscaleContext
    let sharpness: Double

    /// Frame times in milliseconds per method, warm-up rounds left out.
    func run(_ benchCase: BenchCase, frames: Int, warmUp: Int) throws(BenchError) -> [BenchMethod: [Double]] {
        let format = benchCase.format.upscaleFormat
        try Self.checkSupport(context, benchCase.format)
        // Per path, the runtime's images as a runtime makes them for the layer's request.
        var runtimes: [UpscalePassPath: RuntimeImages] = [:]
        defer { for runtime in runtimes.values { runtime.destroy() } }
        for path in UpscalePassPath.allCases {
            runtimes[path] = try RuntimeImages(device, format: format, width: benchCase.outputWidth, height: benchCase.outputHeight,
                                               count: benchCase.eyes, xrUsage: Self.runtimeXrUsage(path, format), setup: context)
        }
        let spec = SubstitutedImages.AppImageSpec(
            format: format, width: benchCase.inputWidth, height: benchCase.inputHeight, arraySize: 1, mipCount: 1,
            xrUsage: Self.appXrUsage, imageCount: benchCase.eyes)
        // One set of the layer's images per path.
        var byPath: [UpscalePassPath: SubstitutedImages] = [:]
        defer {
            context.waitIdle()
            for images in byPath.values { images.destroy() }
        }
        for path in UpscalePassPath.allCases {
            do {
                // The layer builds its pipelines when it sets a swapchain up.
                try context.prepare(format, filter: .bilinear, path: path)
                try context.prepare(format, filter: .edge, path: path)
                byPath[path] = try SubstitutedImages(context: context, app: spec, runtimeImages: runtimes[path]!.images,
                                                     runtimeXrUsage: Self.runtimeXrUsage(path, format),
                                                     runtimeSize: (benchCase.outputWidth, benchCase.outputHeight), path: path)
            } catch {
                throw .pass(error)
            }
        }
        for images in byPath.values {
            try InputPattern.upload(device, images: images.appImageHandles.compactMap { $0 }, width: benchCase.inputWidth,
                                    height: benchCase.inputHeight, layout: images.appLayout, setup: context)
        }

        var times: [BenchMethod: [Double]] = [:]
        let methods = BenchMethod.upscaleMethods
        for round in 0..<(warmUp + frames) {
            for step in 0..<methods.count {
                let method = methods[(round + step) % methods.count]
                let images = byPath[method.path ?? .compute]!
                let milliseconds = try frame(method, images, benchCase)
                if round >= warmUp { times[method, default: []].append(milliseconds) }
            }
        }
        return times
    }

    private func frame(_ method: BenchMethod, _ images: SubstitutedImages, _ benchCase: BenchCase) throws(BenchError) -> Double {
        let source = PixelRect(x: 0, y: 0, width: Int32(benchCase.inputWidth), height: Int32(benchCase.inputHeight))
        let target = PixelRect(x: 0, y: 0, width: Int32(benchCase.outputWidth), height: Int32(benchCase.outputHeight))
        return try Self.timedFrame(device, context) {
            for eye in 0..<benchCase.eyes {
                switch method {
                case .blit:
                    context.blit(images, appImage: eye, sourceLayer: 0, source: source, runtimeImage: eye, targetLayer: 0,
                                 target: target)
                case .bilinear, .bilinearGraphics:
                    context.upscale(images, appImage: eye, sourceLayer: 0, source: source, runtimeImage: eye, targetLayer: 0,
                                    target: target, filter: .bilinear, sharpness: 0)
                case .edge, .edgeGraphics:
                    context.upscale(images, appImage: eye, sourceLayer: 0, source: source, runtimeImage: eye, targetLayer: 0,
                                    target: target, filter: .edge, sharpness: sharpness)
                case .bilinearInset, .edgeInset, .bilinearInsetGraphics, .edgeInsetGraphics:
                    break
                }
            }
        }
    }

    static func checkSupport(_ context: UpscaleContext, _ format: BenchFormat) throws(BenchError) {
        for path in UpscalePassPath.allCases where !context.supports(format.upscaleFormat, path: path) {
            throw .unsupported("the device cannot write \(format.vulkanName) from the \(path.rawValue) pass")
        }
        guard context.supportsLinearBlit(format.upscaleFormat) else {
            throw .unsupported("the device cannot blit \(format.vulkanName) with a linear filter")
        }
    }

    /// One frame of the pass's ring with `record` between its timestamps,
    /// submitted and waited for; its GPU time in milliseconds.
    static func timedFrame(_ device: BenchDevice, _ context: UpscaleContext, _ record: () -> Void) throws(BenchError) -> Double {
        do {
            // Every earlier frame was collected: nothing is delivered here.
            try context.beginFrame { _ in }
            record()
            try context.submitFrame()
        } catch {
            throw .pass(error)
        }
        try device.waitIdle()
        var nanoseconds: Int64?
        context.collectFinished { nanoseconds = $0 }
        guard let nanoseconds, nanoseconds > 0 else {
            throw .unsupported("the frame's timestamps could not be read")
        }
        return Double(nanoseconds) / 1_000_000
    }
}
