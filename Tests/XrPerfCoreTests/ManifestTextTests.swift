import Foundation
import Testing
@testable import XrPerfCore

/// `xrperf install` writes the same manifests as `make install` renders from
/// layers/*.json.in.
@Suite struct ManifestTextTests {
    static let layers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("layers")

    @Test(arguments: [(false, "XrApiLayer_xrperf.explicit.json.in"), (true, "XrApiLayer_xrperf.implicit.json.in")])
    func matchesTheTemplate(implicit: Bool, template: String) throws {
        let text = try String(contentsOf: Self.layers.appendingPathComponent(template), encoding: .utf8)
            .replacingOccurrences(of: "@LIBRARY_PATH@", with: "/opt/xrperf/lib/libXrApiLayer_xrperf.so")
            .replacingOccurrences(of: "@VERSION_NUMBER@", with: String(XrPerfVersion.implementationVersion))
        let rendered = LayerManifestText.render(libraryPath: "/opt/xrperf/lib/libXrApiLayer_xrperf.so", implicit: implicit)
        let expected = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
        let actual = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? NSDictionary
        #expect(actual == expected, Comment(rawValue: rendered))
    }

    @Test func vulkanManifestMatchesTheTemplate() throws {
        let text = try String(contentsOf: Self.layers.appendingPathComponent("VkLayer_xrperf_frame_timing.json.in"),
                              encoding: .utf8)
            .replacingOccurrences(of: "@LIBRARY_PATH@", with: "/opt/xrperf/lib/libXrApiLayer_xrperf.so")
            .replacingOccurrences(of: "@VERSION_NUMBER@", with: String(XrPerfVersion.implementationVersion))
        let rendered = LayerManifestText.renderVulkan(libraryPath: "/opt/xrperf/lib/libXrApiLayer_xrperf.so")
        let expected = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
        let actual = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? NSDictionary
        #expect(actual == expected, Comment(rawValue: rendered))
    }

    @Test func quotesInPathsAreEscaped() throws {
        let rendered = LayerManifestText.render(libraryPath: "/odd \"dir\"/lib.so", implicit: false)
        let object = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any]
        let layer = object?["api_layer"] as? [String: Any]
        #expect(layer?["library_path"] as? String == "/odd \"dir\"/lib.so")
    }
}
