import Foundation
import Testing
import XrPerfCore

/// The manifests `make install` renders must pass the loader's checks; a bare
/// number for implementation_version, say, would make the loader skip xrperf.
@Suite struct ManifestTemplateTests {
    static let layers = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("layers")

    func rendered(_ name: String) throws -> ManifestJSON {
        let template = try String(contentsOf: Self.layers.appendingPathComponent(name), encoding: .utf8)
        let text = template
            .replacingOccurrences(of: "@LIBRARY_PATH@", with: "/usr/local/lib/\(XrPerfVersion.libraryName)")
            .replacingOccurrences(of: "@VERSION_NUMBER@", with: String(XrPerfVersion.implementationVersion))
        return try JSONDecoder().decode(ManifestJSON.self, from: Data(text.utf8))
    }

    @Test func explicitTemplateIsValid() throws {
        let layer = try ManifestApiLayer(json: try rendered("XrApiLayer_xrperf.explicit.json.in"), kind: .explicit)
        #expect(layer.name == XrPerfVersion.layerName)
        #expect(layer.warnings.isEmpty)
    }

    @Test func implicitTemplateIsValidAndOffByDefault() throws {
        let layer = try ManifestApiLayer(json: try rendered("XrApiLayer_xrperf.implicit.json.in"), kind: .implicit)
        #expect(layer.enableEnvironment == "ENABLE_XRPERF")
        #expect(layer.disableEnvironment == "DISABLE_XRPERF")
        let state = ManifestImplicitLayerState(
            enableEnvironment: layer.enableEnvironment, disableEnvironment: layer.disableEnvironment ?? "", environment: [:])
        #expect(!state.enabled)
    }

    @Test func runtimeTemplateIsValid() throws {
        let runtime = try ManifestRuntime(json: try rendered("xrsim_runtime.json.in"))
        #expect(runtime.name == "XrSim")
    }
}
