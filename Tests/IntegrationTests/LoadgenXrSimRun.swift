import Foundation
import Testing

/// One xrperf-loadgen run straight on XrSim through the real loader, ended by
/// loadgen's own --frames (XRSIM_FRAMES is 0), with XrSim's frame dumps going
/// to `dumps` and, with `trace`, Khronos' api_dump layer writing every call to
/// `traceFile`. The scratch directory lives until `cleanUp`.
struct LoadgenXrSimRun {
    let output: ProcessOutput
    let dumps: URL
    let traceFile: URL
    private let environment: XrEnvironment

    /// XrSim offers XR_VARJO_quad_views (PRIMARY_QUAD_VARJO) only when asked.
    static let quadViewsRuntime = ["XRSIM_EXTENSIONS": "XR_VARJO_quad_views"]

    init(_ arguments: [String], extra: [String: String] = [:], layers: [String] = [], trace: Bool = false) throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        if trace || !layers.isEmpty { try artifacts.require(paths: Artifacts.systemExplicitLayers) }
        var env = try XrEnvironment(artifacts: artifacts, layers: layers + (trace ? [ApiDumpTrace.layer] : []),
                                    frames: 0)
        dumps = env.scratch.appendingPathComponent("dumps")
        traceFile = env.scratch.appendingPathComponent("api_dump.txt")
        env.variables["XRSIM_DUMP_DIR"] = dumps.path
        env.variables["XR_API_DUMP_FILE_NAME"] = traceFile.path
        env.variables.merge(extra) { _, new in new }
        environment = env
        output = try runProcess(artifacts.loadgen.path, arguments, environment: env.environment, timeout: 120)
    }

    var context: Comment { Comment(rawValue: output.combined.suffix(4000).description) }

    func cleanUp() { environment.cleanUp() }

    func validationMessages() -> String { environment.validationMessages() }

    func trace() throws -> ApiDumpTrace { try ApiDumpTrace(path: traceFile.path) }

    func dump(_ name: String) throws -> PamImage {
        try PamImage.read(path: dumps.appendingPathComponent(name).path)
    }

    var dumpFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dumps.path)) ?? []).sorted()
    }

    /// The --json summary: standard output must be exactly one JSON object.
    func summary() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return try #require(object as? [String: Any], context)
    }

    /// The summary's views, in order.
    func summaryViews() throws -> [[String: Any]] {
        try #require(try summary()["views"] as? [[String: Any]], context)
    }

    /// The distinct R, G, B, A values of an image.
    static func colours(_ image: PamImage) -> Set<[UInt8]> {
        var found: Set<[UInt8]> = []
        for start in stride(from: 0, to: image.pixels.count, by: 4) {
            found.insert(Array(image.pixels[start..<start + 4]))
        }
        return found
    }
}
