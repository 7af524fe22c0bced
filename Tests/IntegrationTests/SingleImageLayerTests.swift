import Foundation
import Testing

/// Every composition layer type that shows one sub-image (quad, cylinder,
/// equirect, equirect2) through the real loader (Tests/hosts/single_image_layers.c):
/// XrSim takes each, refuses one naming a swapchain never released, and
/// dumps them. With xrperf at render scale 0.7 the panel they show is
/// substituted like an eye buffer, so each must reach XrSim pointing at the
/// runtime's image: its full size (the runtime's recommended one, not the
/// app's), the whole rect, and the panel's colour, with core_validation
/// above and below the layer.
@Suite(.serialized) struct SingleImageLayerTests {
    static let resolution = (width: 200, height: 180)
    static let panel: (UInt8, UInt8, UInt8, UInt8) = (60, 90, 220, 255)

    static func run(layers: [String], scale: Double?) throws -> (output: ProcessOutput, dumps: URL, validation: String, cleanUp: () -> Void) {
        let artifacts = Artifacts()
        let host = artifacts.host("single_image_layers")
        try artifacts.require(host, artifacts.runtimeManifest, artifacts.runtimeLibrary, artifacts.layerLibrary)
        var env = try XrEnvironment(artifacts: artifacts, layers: layers, frames: 0)
        let dumps = env.scratch.appendingPathComponent("dumps")
        env.variables["XRSIM_RESOLUTION"] = "\(resolution.width)x\(resolution.height)"
        env.variables["XRSIM_DUMP_DIR"] = dumps.path
        env.variables["XRSIM_DUMP_FRAMES"] = "3"
        env.variables["VK_INSTANCE_LAYERS"] = "VK_LAYER_KHRONOS_validation"
        if let scale { env.variables["XRPERF_RENDER_SCALE"] = String(scale) }
        let output = try runProcess(host.path, environment: env.environment, timeout: 120)
        let environment = env
        return (output, dumps, env.validationMessages(), { environment.cleanUp() })
    }

    @Test(arguments: [[XrEnvironment.coreValidation, XrEnvironment.xrperf], [XrEnvironment.xrperf, XrEnvironment.coreValidation]])
    func everySingleImageLayerShowsTheRuntimesImage(layers: [String]) throws {
        let run = try Self.run(layers: layers, scale: 0.7)
        defer { run.cleanUp() }
        let context = Comment(rawValue: run.output.combined + "\ncore_validation:\n" + run.validation)
        let lines = run.output.stdout.split(separator: "\n").map(String.init)
        #expect(run.output.status == 0 && !run.output.timedOut, context)
        #expect(!lines.contains { $0.hasPrefix("FAIL") }, context)
        #expect(lines.contains("ok endFrame.neverReleasedSwapchain"), context)
        #expect(lines.filter { $0.hasPrefix("ok endFrame.everyLayerType") }.count == 4, context)
        #expect(lines.contains("panel 140x126"), context)
        // Both eyes, the panel and the never-released swapchain.
        #expect(run.output.stderr.split(separator: "\n").filter { $0.contains("upscaled to 200x180") }.count == 4, context)
        #expect(!run.output.combined.contains("VUID-"), context)
        #expect(!run.validation.contains("VUID"), context)

        for (index, name) in [(1, "quad"), (2, "curved"), (3, "curved"), (4, "curved")] {
            let image = try PamImage.read(path: run.dumps.appendingPathComponent("frame-3-layer-\(index)-\(name).pam").path)
            #expect(image.comment("swapchain") == "200x180 array 1", "layer \(index): \(image.comments)")
            #expect(image.comment("rect") == "0 0 200 180", "layer \(index): \(image.comments)")
            for (x, y) in [(0, 0), (image.width - 1, image.height - 1), (image.width / 2, image.height / 2)] {
                let pixel = image.pixel(x: x, y: y)
                #expect(pixel == Self.panel, "layer \(index) pixel (\(x), \(y)): \(pixel)")
            }
        }
    }

    /// Without the layer XrSim takes the same frames: the host's checks hold
    /// on the runtime alone.
    @Test func xrSimTakesEveryLayerTypeAlone() throws {
        let run = try Self.run(layers: [], scale: nil)
        defer { run.cleanUp() }
        let lines = run.output.stdout.split(separator: "\n").map(String.init)
        #expect(run.output.status == 0 && !lines.contains { $0.hasPrefix("FAIL") }, Comment(rawValue: run.output.combined))
        #expect(lines.contains("panel 200x180"), Comment(rawValue: run.output.combined))
    }
}
