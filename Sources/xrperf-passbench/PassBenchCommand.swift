import ArgumentParser
import Foundation
import XrPerfVulkan

/// `xrperf-passbench`: benchmark protocol 3 for the layer's upscaling pass.
@main
struct PassBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xrperf-passbench",
        abstract: "GPU time of xrperf's upscaling passes against a linear vkCmdBlitImage (benchmark protocol 3).",
        discussion: """
            Runs the layer's own upscaling pass (XrPerfVulkan's UpscaleContext and \
            SubstitutedImages, the code xrEndFrame runs) on a headless Vulkan device of \
            its own: no OpenXR runtime, no app. For every --size, --scale and --format \
            it makes one app image per eye at the size times the scale (filled with a \
            picture with edges in all directions and noise) and, per path, one "runtime" \
            image per eye at the size, made with what the layer asks of a runtime on \
            that path, plus TRANSFER_DST for the blit: COLOR_ATTACHMENT (graphics), or \
            COLOR_ATTACHMENT | STORAGE with MUTABLE_FORMAT | EXTENDED_USAGE for sRGB and \
            BGRA (compute).

            PATHS: every pass runs both ways the layer can write a runtime's image: \
            graphics (a draw into the image as a colour attachment, the layer's \
            default, which every runtime allows) and compute (a dispatch through a \
            storage view, upscale.pass = "compute"); the path is a column of its own.

            WHAT IS TIMED: one command buffer per frame with every eye in it, between \
            two BOTTOM_OF_PIPE timestamps (the layer's GPU time of a \
            frame), for five methods: the bilinear pass and the edge-adaptive pass with \
            --sharpness on each path, and vkCmdBlitImage with VK_FILTER_LINEAR from the \
            same rect to the same rect with the same barriers around it. Every frame is \
            waited for before the next is submitted. Each round runs one frame of each \
            method, the order rotating from round to round, so anything that drifts \
            during the run slows all of them alike; --warm-up rounds are left out.

            CASE inset (--case inset): the quad-views composite of an eye, for one eye \
            and for both: the periphery (the app image at --scale, default 0.5) upscaled \
            into the eye's runtime image (bilinear; edge with --sharpness), then the \
            focus view drawn over it by the inset pass (a centred rectangle of 0.4 of \
            each axis, rendered at density 1, its own app image, blend band 10% of its \
            smaller side; sharpened with --sharpness after the edge filter, not after \
            bilinear), against the blit of the periphery to the output size; the \
            upscale alone runs in the same rounds (rows without +inset). Before \
            timing it checks the GPU's inset against XrPerfCore's InsetReference on \
            small images of every 8-bit format the layer substitutes (RGBA and BGRA, \
            UNORM and sRGB), on both paths, and prints the verdict ("inset check: pass" or "FAIL"; \
            --json: check.passed).

            OUTPUT: per pass and configuration the median and p90 (nearest rank) in \
            milliseconds per frame, the blit's, and the ratio of the medians, as a \
            table on standard output, or with --json as one JSON object: device, \
            driver, eyes, frames, warm_up, sharpness and results, a list of objects \
            with pass (bilinear, edge+sharpen; bilinear+inset, edge+sharpen+inset), \
            path (graphics, compute), eyes, format, scale, input_width, \
            input_height, output_width, output_height (per eye), frames, median_ms, \
            p90_ms, blit_median_ms, blit_p90_ms, ratio (inset rows also focus_width, \
            focus_height; the object also suite and, for inset, check). Progress goes \
            to standard error.

            DEVICE: the first discrete, integrated or virtual GPU, else a CPU \
            implementation (lavapipe); --device picks one by name. lavapipe wants \
            XDG_RUNTIME_DIR set to a private (0700) directory.

            EXIT STATUS: 0 measured, 1 a Vulkan call failed or the device lacks what \
            the pass needs (message on standard error), 2 the inset check failed (the \
            report is still printed), 64 usage error.

            EXAMPLES:
              xrperf-passbench                                 # 2 x 2064x2208, scales 0.5 and 0.7
              xrperf-passbench --size 256x256 --frames 5 --json
              xrperf-passbench --format unorm --format srgb --frames 100
              xrperf-passbench --case inset --format unorm --format srgb   # 1 and 2 x 2064x2208 composites
            """
    )

    @Option(name: .customLong("case"),
            help: ArgumentHelp("upscale: the upscaling passes; inset: the quad-views composite of 1 and 2 eyes.",
                               valueName: "case"))
    var suite: BenchSuite = .upscale

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Output (display) size per eye; repeat for more sizes. Default 2064x2208.", valueName: "WxH"))
    var size: [ImageSize] = []

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Render scale per axis (input = size x scale); repeat for more. Default 0.5 and 0.7 (inset: 0.5).",
                               valueName: "s"))
    var scale: [Double] = []

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Swapchain format (unorm: R8G8B8A8_UNORM, srgb: R8G8B8A8_SRGB); repeat for both. Default unorm.",
                               valueName: "f"))
    var format: [BenchFormat] = []

    @Option(name: .long, help: ArgumentHelp("Eyes (views) per frame, each its own pair of images (upscale case).",
                                            valueName: "n"))
    var eyes: Int = 2

    @Option(name: .long, help: ArgumentHelp("Measured frames per method and configuration (protocol 3: at least 50).",
                                            valueName: "n"))
    var frames: Int = 60

    @Option(name: .long, help: ArgumentHelp("Rounds run first and left out (pipeline and cache warm-up).", valueName: "n"))
    var warmUp: Int = 5

    @Option(name: .long, help: ArgumentHelp("Sharpness of the edge-adaptive pass, 0 to 1.", valueName: "x"))
    var sharpness: Double = 0.3

    @Option(name: .long, help: ArgumentHelp("Use the Vulkan device whose name contains this (case-insensitive).",
                                            valueName: "name"))
    var device: String?

    @Flag(name: .long, help: "Write the results as JSON instead of the table.")
    var json = false

    func validate() throws {
        guard (1...8).contains(eyes) else { throw ValidationError("--eyes must be 1 to 8") }
        guard frames >= 1 else { throw ValidationError("--frames must be at least 1") }
        guard warmUp >= 0 else { throw ValidationError("--warm-up must not be negative") }
        guard (0...1).contains(sharpness) else { throw ValidationError("--sharpness must be 0 to 1") }
        for value in scale where !(value > 0 && value <= 1) {
            throw ValidationError("--scale must be above 0 and at most 1, not \(value)")
        }
    }

    func run() throws {
        do {
            let report = try measure()
            print(json ? try report.json() : report.table())
            if report.check?.passed == false {
                FileHandle.standardError.write(Data("xrperf-passbench: \(report.check?.summary ?? "")\n".utf8))
                throw ExitCode(2)
            }
        } catch let error as BenchError {
            FileHandle.standardError.write(Data("xrperf-passbench: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func measure() throws(BenchError) -> PassBenchReport {
        let device = try BenchDevice(named: device)
        defer { device.destroy() }
        let context: UpscaleContext
        do {
            context = try UpscaleContext(binding: device.binding)
        } catch {
            throw .pass(error)
        }
        defer { context.destroy() }
        var report = PassBenchReport(device: device.name, driver: device.driver, suite: suite, eyes: eyes, frames: frames,
                                     warmUp: warmUp, sharpness: sharpness)
        let formats: [BenchFormat] = format.isEmpty ? [.unorm] : format
        if suite == .inset {
            report.check = try InsetCheck(device: device, context: context, sharpness: sharpness).run()
            FileHandle.standardError.write(Data("xrperf-passbench: \(report.check?.summary ?? "")\n".utf8))
        }
        for size in size.isEmpty ? [ImageSize(width: 2064, height: 2208)] : size {
            for scale in scale.isEmpty ? (suite == .inset ? [0.5] : [0.5, 0.7]) : scale {
                for format in formats {
                    for eyes in suite == .inset ? [1, 2] : [eyes] {
                        let benchCase = BenchCase(outputWidth: size.width, outputHeight: size.height, scale: scale,
                                                  format: format, eyes: eyes)
                        FileHandle.standardError.write(Data("xrperf-passbench: \(suite.rawValue) \(benchCase.label)\n".utf8))
                        switch suite {
                        case .upscale:
                            let runner = CaseRunner(device: device, context: context, sharpness: sharpness)
                            report.add(benchCase, try runner.run(benchCase, frames: frames, warmUp: warmUp))
                        case .inset:
                            let runner = InsetCaseRunner(device: device, context: context, sharpness: sharpness)
                            report.add(benchCase, try runner.run(benchCase, frames: frames, warmUp: warmUp),
                                       inset: InsetLayout(outputWidth: size.width, outputHeight: size.height))
                        }
                    }
                }
            }
        }
        return report
    }
}
