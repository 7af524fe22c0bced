import Foundation
import Testing

/// One run of Khronos' hello_xr through the real loader and XrSim with the
/// given API layers and environment: its output, what core_validation wrote,
/// and a comment naming the run for failed expectations.
struct HelloXrRun {
    let output: ProcessOutput
    let validationMessages: String
    let context: Comment

    init(graphics: String, layers: [String], frames: Int, variables: [String: String] = [:]) throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.layerLibrary, artifacts.runtimeLibrary, artifacts.runtimeManifest)
        try artifacts.require(paths: Artifacts.helloXr)
        var env = try XrEnvironment(artifacts: artifacts, layers: layers, frames: frames)
        defer { env.cleanUp() }
        env.variables.merge(variables) { _, new in new }
        output = try runProcess(Artifacts.helloXr, ["-g", graphics], environment: env.environment, timeout: 240)
        validationMessages = env.validationMessages()
        context = Comment(rawValue: "hello_xr -g \(graphics) with \(layers):\n\(output.combined.suffix(4000))")
    }
}
