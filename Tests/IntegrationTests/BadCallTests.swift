import Foundation
import Testing

/// A C host calls every intercepted function wrongly on purpose; with and
/// without the layer it must get the very same results, and the runtime must
/// have rejected the wrong calls (so the comparison is not vacuous).
@Suite(.serialized) struct BadCallTests {
    func run(layers: [String], variables: [String: String] = [:]) throws -> ProcessOutput {
        let artifacts = Artifacts()
        let host = artifacts.host("bad_calls")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: layers)
        defer { env.cleanUp() }
        env.variables.merge(variables) { $1 }
        return try runProcess(host.path, environment: env.environment, timeout: 120)
    }

    /// The same wrong calls while the layer substitutes the eye buffer
    /// (render scale 0.5): the app must not be able to tell, the pass must
    /// be clean under the Vulkan validation layer, and a format the pass
    /// cannot write passes through with one warning.
    @Test func upscalingAnswersWrongCallsAsTheRuntimeWould() throws {
        let without = try run(layers: [])
        let with = try run(layers: [XrEnvironment.xrperf], variables: [
            "XRPERF_RENDER_SCALE": "0.5", "XRPERF_UPSCALE_FILTER": "edge",
            "VK_INSTANCE_LAYERS": "VK_LAYER_KHRONOS_validation",
        ])
        #expect(with.status == 0, Comment(rawValue: with.combined))
        #expect(with.stdout == without.stdout, Comment(rawValue: with.combined))
        let log = with.stderr.split(separator: "\n")
        #expect(log.filter { $0.contains("upscaled to") }.count == 1, Comment(rawValue: with.stderr))
        if without.stdout.contains("createSwapchain.rgba16Unorm.valid") {
            #expect(log.filter { $0.contains("is not one the upscaling pass writes") }.count == 1,
                    Comment(rawValue: with.stderr))
        }
        #expect(!with.combined.contains("VUID-"), Comment(rawValue: with.combined))
    }

    @Test func layerPassesEveryErrorThroughUnchanged() throws {
        let without = try run(layers: [])
        let with = try run(layers: [XrEnvironment.xrperf])
        #expect(without.status == 0, Comment(rawValue: without.combined))
        #expect(with.status == 0, Comment(rawValue: with.combined))
        #expect(with.stderr.contains("[xrperf] instance created"), "the layer was not loaded")
        #expect(!without.stderr.contains("[xrperf]"), "the layer was loaded when not asked for")
        #expect(with.stdout == without.stdout)

        let results = Dictionary(uniqueKeysWithValues: with.stdout.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            return parts.count == 2 ? (String(parts[0]), Int(parts[1]) ?? 0) : nil
        })
        #expect(results.count >= 50, "bad_calls printed \(results.count) cases")
        for (name, result) in results {
            let shouldSucceed = name.hasSuffix(".valid") || name.hasSuffix(".validProjection")
                || name.hasSuffix("unknownNextStruct")
            if shouldSucceed {
                #expect(result >= 0, "\(name) returned \(result)")
            } else {
                #expect(result < 0, "\(name) returned \(result), expected an error")
            }
        }
    }
}
