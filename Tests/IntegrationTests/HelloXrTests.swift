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
        let artifacts = Artifacts()
        try artifacts.require(artifacts.layerLibrary, artifacts.runtimeLibrary, artifacts.runtimeManifest)
        try artifacts.require(paths: Artifacts.helloXr)
        let frames = 240
        var env = try XrEnvironment(artifacts: artifacts, layers: layers, frames: frames)
        defer { env.cleanUp() }
        env.variables["XR_LOADER_DEBUG"] = "info"

        let result = try runProcess(Artifacts.helloXr, ["-g", graphics], environment: env.environment, timeout: 240)
        let context = Comment(rawValue: "hello_xr -g \(graphics) with \(layers):\n\(result.combined.suffix(4000))")

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
            let messages = env.validationMessages()
            #expect(!messages.contains("VUID"), Comment(rawValue: messages))
            #expect(!messages.lowercased().contains("error"), Comment(rawValue: messages))
        }
    }
}
