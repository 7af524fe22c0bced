import Foundation
import Testing

/// The generated walk over every intercepted function (Tests/hosts/call_walk.c:
/// one argument changed at a time: null, bogus and destroyed handles, null and
/// wrongly typed structs, unknown structs in `next` chains, short capacities,
/// calls out of order): the app gets the same answers with the layer as
/// without it, also while the layer substitutes the eye buffer, and the
/// wrong calls are errors (so the comparison is not vacuous).
@Suite(.serialized) struct CallWalkTests {
    func run(layers: [String], variables: [String: String] = [:]) throws -> ProcessOutput {
        let artifacts = Artifacts()
        let host = artifacts.host("call_walk")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: layers)
        defer { env.cleanUp() }
        env.variables["XRSIM_RESOLUTION"] = "64x64"
        env.variables.merge(variables) { $1 }
        return try runProcess(host.path, environment: env.environment, timeout: 120)
    }

    /// The cases that must succeed: a struct the runtime does not know in a
    /// `next` chain is ignored, an acquire info is optional, and the valid calls.
    static func mustSucceed(_ name: String) -> Bool {
        name.lowercased().contains("unknown") && name.hasSuffix("Next") || name.hasSuffix("Everywhere")
            || name.hasSuffix(".valid")
            || name == "xrAcquireSwapchainImage.nullInput"
    }

    @Test func everyIntroducedErrorIsTheRuntimes() throws {
        let without = try run(layers: [])
        let with = try run(layers: [XrEnvironment.xrperf])
        let upscaling = try run(layers: [XrEnvironment.xrperf], variables: ["XRPERF_RENDER_SCALE": "0.5"])
        for output in [without, with, upscaling] {
            #expect(output.status == 0 && !output.timedOut, Comment(rawValue: output.combined.suffix(3000).description))
        }
        #expect(with.stdout == without.stdout)
        #expect(upscaling.stdout == without.stdout)
        #expect(upscaling.stderr.split(separator: "\n").filter { $0.contains("upscaled to") }.count >= 1,
                "the eye buffer was not substituted")

        let results = without.stdout.split(separator: "\n").compactMap { line -> (String, Int)? in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            return parts.count == 2 ? (String(parts[0]), Int(parts[1]) ?? 0) : nil
        }
        #expect(results.count >= 85, "call_walk printed \(results.count) cases")
        for (name, result) in results {
            if Self.mustSucceed(name) {
                #expect(result >= 0, "\(name) returned \(result)")
            } else {
                #expect(result < 0, "\(name) returned \(result), expected an error")
            }
        }
    }
}
