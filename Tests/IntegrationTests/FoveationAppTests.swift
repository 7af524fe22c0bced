import Foundation
import Testing

/// Apps that do not use quad views see no change when foveation is on:
/// hello_xr (stereo, its own actions) runs clean under core_validation with
/// an eye tracker in XrSim, and loadgen's stereo frames reach the runtime
/// byte for byte as without the layer.
@Suite(.serialized) struct FoveationAppTests {
    @Test(arguments: HelloXrTests.stacks.dropFirst())
    func helloXrRunsCleanWithFoveationOn(layers: [String]) throws {
        let frames = 30
        let run = try HelloXrRun(graphics: "Vulkan2", layers: layers, frames: frames, variables: [
            "XRPERF_FOVEATION": "gaze", "XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction", "XRSIM_GAZE": "0:10:5",
        ])
        let result = run.output
        let context = run.context
        #expect(!result.timedOut && result.status == 0, context)
        #expect(SessionSummaries.runtimeFrames(result.stderr) == [frames], context)
        // hello_xr does not enable quad views: nothing is emulated or added.
        #expect(!result.combined.contains("quad views emulated"), context)
        #expect(!result.combined.contains("upscaled to"), context)
        #expect(!result.combined.contains("VUID-") && !result.combined.contains("][Error"), context)
        let messages = run.validationMessages
        #expect(!messages.contains("VUID") && !messages.lowercased().contains("error"), Comment(rawValue: messages))
    }

    @Test func stereoFramesAreUntouched() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        var dumped: [[UInt8]] = []
        for layers in [[], [XrEnvironment.xrperf]] {
            var env = try XrEnvironment(artifacts: artifacts, layers: layers, frames: 0)
            defer { env.cleanUp() }
            let dumps = env.scratch.appendingPathComponent("dumps")
            env.variables["XRSIM_RESOLUTION"] = "200x180"
            env.variables["XRSIM_DUMP_DIR"] = dumps.path
            env.variables["XRSIM_DUMP_FRAMES"] = "4"
            env.variables["XRPERF_FOVEATION"] = "fixed"
            let output = try runProcess(artifacts.loadgen.path, ["--frames", "6", "--gpu-iterations", "0", "--pattern", "text"],
                                        environment: env.environment, timeout: 120)
            #expect(output.status == 0 && !output.timedOut, Comment(rawValue: output.combined.suffix(2000).description))
            #expect(!output.combined.contains("quad views emulated"))
            dumped.append(try (0..<2).flatMap { view in
                try PamImage.read(path: dumps.appendingPathComponent("frame-4-layer-0-view-\(view).pam").path).pixels
            })
        }
        #expect(dumped.count == 2 && dumped[0] == dumped[1])
    }
}
