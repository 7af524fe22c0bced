import Foundation
import Testing

/// A C host calls every intercepted function wrongly on purpose; with and
/// without the layer it must get the very same results, and the runtime must
/// have rejected the wrong calls (so the comparison is not vacuous).
@Suite(.serialized) struct BadCallTests {
    func run(layers: [String]) throws -> ProcessOutput {
        let artifacts = Artifacts()
        let host = artifacts.host("bad_calls")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        let env = try XrEnvironment(artifacts: artifacts, layers: layers)
        defer { env.cleanUp() }
        return try runProcess(host.path, environment: env.environment, timeout: 120)
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
