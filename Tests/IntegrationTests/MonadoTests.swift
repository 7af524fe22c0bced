import Foundation
import Testing

/// hello_xr on Monado 25 (Debian 13) through xrperf, Khronos' core_validation
/// above and below it and Vulkan's validation layer on: what holds on XrSim
/// must hold on a real runtime. Each configuration: the app exits 0, nothing
/// reports an error, the recording has every frame, the render scale is the
/// one asked, and where the layer upscales its pass ran and was timed.
@Suite(.serialized, .enabled(if: MonadoChroot.unavailableReason == nil, Comment(rawValue: MonadoChroot.unavailableReason ?? "")))
struct MonadoTests {
    struct Configuration: CustomTestStringConvertible, Sendable {
        let name: String
        let variables: [String: String]
        let scale: Double
        var testDescription: String { name }
    }

    static let configurations: [Configuration] = [
        Configuration(name: "defaults", variables: [:], scale: 1),
        Configuration(name: "scale 0.7 edge", variables: ["XRPERF_RENDER_SCALE": "0.7", "XRPERF_UPSCALE_FILTER": "edge",
                                                          "XRPERF_SHARPNESS": "0.5"], scale: 0.7),
        Configuration(name: "scale 0.7 bilinear", variables: ["XRPERF_RENDER_SCALE": "0.7", "XRPERF_UPSCALE_FILTER": "bilinear"],
                      scale: 0.7),
        Configuration(name: "frame divisor, scale 0.8", variables: ["XRPERF_RENDER_SCALE": "0.8", "XRPERF_FRAME_DIVISOR": "true"],
                      scale: 0.8),
    ]

    static let stacks: [[String]] = [
        [XrEnvironment.coreValidation, XrEnvironment.xrperf],
        [XrEnvironment.xrperf, XrEnvironment.coreValidation],
    ]

    @Test(arguments: configurations, stacks)
    func helloXrRunsCleanThroughTheLayer(configuration: Configuration, layers: [String]) throws {
        let chroot = MonadoChroot()
        let run = try chroot.run(["hello_xr", "-g", "Vulkan2"], seconds: 5, layers: layers, variables: configuration.variables)
        defer { chroot.cleanUp(run) }
        let context = run.context
        #expect(run.status == 0, context)
        #expect(run.appLog.contains("[xrperf] session created"), context)
        #expect(!run.appLog.contains("VUID-"), context)
        #expect(!run.appLog.contains("][Error"), context)
        #expect(!run.appLog.contains("[xrperf] warn"), context)
        #expect(!run.validation.contains("VUID"), context)
        #expect(!run.validation.lowercased().contains("error"), context)

        let recording = try #require(run.recording, context)
        let frames = recording.frames.count
        #expect(frames >= 40, context)
        #expect(recording.end?["frames"] as? Int == frames && recording.end?["dropped"] as? Int == 0, context)
        #expect(recording.values("render_scale").allSatisfy { abs($0 - configuration.scale) < 1e-6 }, context)
        // The divisor is opt-in: on only where the configuration asks.
        if configuration.variables["XRPERF_FRAME_DIVISOR"] == nil {
            #expect(recording.values("frame_divisor").allSatisfy { $0 == 1 }, context)
        }
        if configuration.scale < 1 {
            #expect(run.appLog.split(separator: "\n").filter { $0.contains("upscaled to 320x240") }.count == 2, context)
            // Timestamps come back a few frames late: the first frames have none.
            let timed = recording.values("layer_gpu_ms").filter { $0 > 0 }.count
            #expect(Double(timed) >= 0.8 * Double(frames), "pass timed on \(timed) of \(frames) frames")
        }
    }

    /// xrperf-loadgen (the project's own app, run in the chroot with the
    /// toolchain's Swift runtime mounted) on Monado: sRGB eye buffers drawn
    /// by the app, upscaled by the graphics pass; and with
    /// XR_META_recommended_layer_resolution, the controller choosing the
    /// render scale each frame on a real runtime. Clean under both
    /// validation layers, every frame recorded and the pass timed.
    @Test(arguments: [["--format", "srgb", "--pattern", "text"], ["--dynamic-resolution", "--format", "srgb"]], Self.stacks)
    func loadgenRunsCleanThroughTheLayer(arguments: [String], layers: [String]) throws {
        let chroot = MonadoChroot()
        try chroot.artifacts.require(chroot.artifacts.loadgen)
        let dynamic = arguments.contains("--dynamic-resolution")
        let frames = 60
        let run = try chroot.run(["/opt/xrperf/xrperf-loadgen", "--frames", String(frames), "--gpu-iterations", "8"] + arguments,
                                 seconds: 60, layers: layers,
                                 variables: dynamic ? [:] : ["XRPERF_RENDER_SCALE": "0.7", "XRPERF_UPSCALE_FILTER": "edge"])
        defer { chroot.cleanUp(run) }
        let context = run.context
        #expect(run.status == 0, context)
        #expect(!run.appLog.contains("VUID-"), context)
        #expect(!run.appLog.contains("[xrperf] warn"), context)
        #expect(!run.validation.contains("VUID"), context)
        #expect(!run.validation.lowercased().contains("error"), context)
        #expect(run.appLog.split(separator: "\n").filter { $0.contains("upscaled to 320x240") && $0.contains("graphics pass") }.count == 2,
                context)
        let recording = try #require(run.recording, context)
        #expect(recording.frames.count == frames, context)
        #expect(recording.end?["frames"] as? Int == frames && recording.end?["dropped"] as? Int == 0, context)
        let timed = recording.values("layer_gpu_ms").filter { $0 > 0 }.count
        #expect(Double(timed) >= 0.8 * Double(frames), "pass timed on \(timed) of \(frames) frames")
        if !dynamic {
            #expect(recording.values("render_scale").allSatisfy { abs($0 - 0.7) < 1e-6 }, context)
        } else {
            // The controller's scale, within the platform's range.
            let scales = recording.values("render_scale")
            #expect(scales.count == frames && scales.allSatisfy { $0 >= 0.25 - 1e-9 && $0 <= 1 + 1e-9 }, context)
            #expect(run.appLog.contains("mean_render_scale="), context)
        }
    }
}
