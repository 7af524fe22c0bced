import Foundation
import Testing

/// Khronos' hello_xr, a real Vulkan app, through the real loader, xrperf and
/// XrSim, alone and with core_validation stacked above and below the layer.
@Suite(.serialized) struct HelloXrTests {
    static let stacks: [[String]] = [
        [XrEnvironment.xrperf],
        [XrEnvironment.coreValidation, XrEnvironment.xrperf],
        [XrEnvironment.xrperf, XrEnvironment.coreValidation],
    ]

    @Test(arguments: ["Vulkan2", "Vulkan"], stacks)
    func runsToTheEndThroughTheLayer(graphics: String, layers: [String]) throws {
        let frames = 240
        let run = try HelloXrRun(graphics: graphics, layers: layers, frames: frames, variables: ["XR_LOADER_DEBUG": "info"])
        let result = run.output
        let context = run.context

        // The loader chains layers in the order it loads them, first = nearest the app.
        let loaded = result.combined.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "succeeded loading layer ") else { return nil }
            return line[range.upperBound...].split(separator: " ").first.map(String.init)
        }
        #expect(loaded == layers, context)
        #expect(!result.timedOut, context)
        #expect(result.status == 0, context)
        let runtimeFrames = SessionSummaries.runtimeFrames(result.stderr)
        let layerFrames = SessionSummaries.layerFrames(result.stderr)
        #expect(runtimeFrames == [frames], context)
        #expect(layerFrames == runtimeFrames, context)
        // hello_xr enables VK_LAYER_KHRONOS_validation when it is installed and
        // prints what it reports: Vulkan misuse by XrSim would show here.
        #expect(!result.combined.contains("VUID-"), context)
        #expect(!result.combined.contains("][Error"), context)
        if layers.contains(XrEnvironment.coreValidation) {
            let messages = run.validationMessages
            #expect(!messages.contains("VUID"), Comment(rawValue: messages))
            #expect(!messages.lowercased().contains("error"), Comment(rawValue: messages))
        }
    }
}

/// hello_xr with the layer upscaling its eye buffers (render scale 0.7, the
/// edge filter with sharpening), with core_validation above and below xrperf
/// and the Vulkan validation layer hello_xr loads itself: no error anywhere,
/// every frame reaches XrSim, and the layer says it substituted both eyes.
@Suite(.serialized) struct HelloXrUpscalingTests {
    @Test(arguments: ["Vulkan2", "Vulkan"], HelloXrTests.stacks.dropFirst())
    func runsCleanWithUpscaling(graphics: String, layers: [String]) throws {
        let frames = 30
        let run = try HelloXrRun(graphics: graphics, layers: layers, frames: frames, variables: [
            "XRPERF_RENDER_SCALE": "0.7", "XRPERF_UPSCALE_FILTER": "edge", "XRPERF_SHARPNESS": "0.5",
            "XRPERF_LOG_LEVEL": "info",
        ])
        let result = run.output
        let context = run.context
        #expect(!result.timedOut, context)
        #expect(result.status == 0, context)
        #expect(SessionSummaries.runtimeFrames(result.stderr) == [frames], context)
        let substituted = result.combined.split(separator: "\n").filter { $0.contains("upscaled to") }
        #expect(substituted.count == 2, context)
        #expect(!result.combined.contains("not upscaled"), context)
        #expect(!result.combined.contains("upscaling off"), context)
        #expect(!result.combined.contains("VUID-"), context)
        #expect(!result.combined.contains("][Error"), context)
        let messages = run.validationMessages
        #expect(!messages.contains("VUID"), Comment(rawValue: messages))
        #expect(!messages.lowercased().contains("error"), Comment(rawValue: messages))
    }
}

/// hello_xr's eye buffers are sRGB. XrSim refuses storage usage on them as
/// Monado 25 does, so the compute pass cannot have them and says so; the
/// default graphics pass needs only what every runtime grants.
@Suite(.serialized) struct HelloXrPassPathTests {
    @Test func xrSimRefusesStorageOnSRGBAsMonadoDoes() throws {
        let compute = try HelloXrRun(graphics: "Vulkan2", layers: [XrEnvironment.xrperf], frames: 20, variables: [
            "XRPERF_RENDER_SCALE": "0.7", "XRPERF_UPSCALE_PASS": "compute",
        ])
        #expect(compute.output.status == 0, compute.context)
        let refused = compute.output.combined.split(separator: "\n").filter {
            $0.contains("refused") && $0.contains("compute pass (XrResult -8)")
        }
        #expect(refused.count == 2, compute.context)

        let allowed = try HelloXrRun(graphics: "Vulkan2", layers: [XrEnvironment.xrperf], frames: 20, variables: [
            "XRPERF_RENDER_SCALE": "0.7", "XRPERF_UPSCALE_PASS": "compute", "XRSIM_ALLOW_SRGB_STORAGE": "1",
        ])
        #expect(allowed.output.combined.split(separator: "\n").filter { $0.contains("compute pass)") }.count == 2,
                allowed.context)

        let graphics = try HelloXrRun(graphics: "Vulkan2", layers: [XrEnvironment.xrperf], frames: 20, variables: [
            "XRPERF_RENDER_SCALE": "0.7",
        ])
        #expect(graphics.output.combined.split(separator: "\n").filter { $0.contains("graphics pass)") }.count == 2,
                graphics.context)
        #expect(!graphics.output.combined.contains("refused"), graphics.context)
    }
}
