import COpenXR
import XrPerfCore
import XrPerfVulkan

/// The inset case: per eye, the periphery (the app image at the scale)
/// upscaled into the eye's runtime image and the focus view (InsetLayout)
/// drawn over it, one frame per command buffer as in CaseRunner, against
/// the blit of the periphery to the output size; the upscale alone is timed
/// in the same rounds, so the inset's own cost is the difference. The focus images come from
/// a SubstitutedImages of their own with no runtime images, as a focus
/// swapchain's would in the layer: its app images are read, the periphery's
/// runtime images written.
struct InsetCaseRunner {
    let device: BenchDevice
    let context: UpscaleContext
    let sharpness: Double

    func run(_ benchCase: BenchCase, frames: Int, warmUp: Int) throws(BenchError) -> [BenchMethod: [Double]] {
        let format = benchCase.format.upscaleFormat
        try CaseRunner.checkSupport(context, benchCase.format)
        let layout = InsetLayout(outputWidth: benchCase.outputWidth, outputHeight: benchCase.outputHeight)
        var runtimes: [UpscalePassPath: RuntimeImages] = [:]
        defer { for runtime in runtimes.values { runtime.destroy() } }
        for path in UpscalePassPath.allCases {
            runtimes[path] = try RuntimeImages(device, format: format, width: benchCase.outputWidth, height: benchCase.outputHeight,
                                               count: benchCase.eyes, xrUsage: CaseRunner.runtimeXrUsage(path, format), setup: context)
        }
        // Per path, the periphery's images and the runtime's they write; the
        // focus images are only read, so one set serves both paths.
        var peripheries: [UpscalePassPath: SubstitutedImages] = [:]
        defer {
            context.waitIdle()
            for images in peripheries.values { images.destroy() }
        }
        for path in UpscalePassPath.allCases {
            do {
                try context.prepare(format, filter: .bilinear, path: path)
                try context.prepare(format, filter: .edge, path: path)
                try context.prepareInset(focus: format, target: format, path: path)
                peripheries[path] = try SubstitutedImages(
                    context: context,
                    app: .init(format: format, width: benchCase.inputWidth, height: benchCase.inputHeight, arraySize: 1,
                               mipCount: 1, xrUsage: CaseRunner.appXrUsage, imageCount: benchCase.eyes),
                    runtimeImages: runtimes[path]!.images, runtimeXrUsage: CaseRunner.runtimeXrUsage(path, format),
                    runtimeSize: (benchCase.outputWidth, benchCase.outputHeight), path: path)
            } catch {
                throw .pass(error)
            }
        }
        let focus: SubstitutedImages
        do {
            focus = try SubstitutedImages(
                context: context,
                app: .init(format: format, width: layout.focusWidth, height: layout.focusHeight, arraySize: 1, mipCount: 1,
                           xrUsage: CaseRunner.appXrUsage, imageCount: benchCase.eyes),
                runtimeImages: [], runtimeXrUsage: CaseRunner.runtimeXrUsage(.compute, format),
                runtimeSize: (1, 1), path: .compute)
        } catch {
            throw .pass(error)
        }
        defer { focus.destroy() }
        for periphery in peripheries.values {
            try InputPattern.upload(device, images: periphery.appImageHandles.compactMap { $0 }, width: benchCase.inputWidth,
                                    height: benchCase.inputHeight, layout: periphery.appLayout, setup: context)
        }
        try InputPattern.upload(device, images: focus.appImageHandles.compactMap { $0 },
                                bytes: InputPattern.focusPixels(width: Int(layout.focusWidth), height: Int(layout.focusHeight)),
                                width: layout.focusWidth, height: layout.focusHeight, layout: focus.appLayout, setup: context)

        var times: [BenchMethod: [Double]] = [:]
        let methods = BenchMethod.insetMethods
        for round in 0..<(warmUp + frames) {
            for step in 0..<methods.count {
                let method = methods[(round + step) % methods.count]
                let milliseconds = try CaseRunner.timedFrame(device, context) {
                    record(method, peripheries[method.path ?? .compute]!, focus, benchCase, layout)
                }
                if round >= warmUp { times[method, default: []].append(milliseconds) }
            }
        }
        return times
    }

    private func record(_ method: BenchMethod, _ periphery: SubstitutedImages, _ focus: SubstitutedImages,
                        _ benchCase: BenchCase, _ layout: InsetLayout) {
        let source = PixelRect(x: 0, y: 0, width: Int32(benchCase.inputWidth), height: Int32(benchCase.inputHeight))
        let target = PixelRect(x: 0, y: 0, width: Int32(benchCase.outputWidth), height: Int32(benchCase.outputHeight))
        for eye in 0..<benchCase.eyes {
            switch method {
            case .blit:
                context.blit(periphery, appImage: eye, sourceLayer: 0, source: source, runtimeImage: eye, targetLayer: 0,
                             target: target)
            default:
                let edge = method.isEdge
                context.upscale(periphery, appImage: eye, sourceLayer: 0, source: source, runtimeImage: eye, targetLayer: 0,
                                target: target, filter: edge ? .edge : .bilinear, sharpness: edge ? sharpness : 0)
                if method.drawsInset {
                    context.inset(focus, appImage: eye, sourceLayer: 0, source: layout.source, over: periphery,
                                  runtimeImage: eye, targetLayer: 0, rect: layout.rect, clip: target,
                                  blendWidth: layout.blendWidth, sharpness: edge ? sharpness : 0)
                }
            }
        }
    }
}
