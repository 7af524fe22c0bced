import Foundation

/// Where `make build` put what the integration tests drive: the layer, XrSim,
/// their manifests and the C test hosts. The tests fail (never skip) when
/// something is missing, naming what to build.
struct Artifacts {
    let root: URL
    let build: URL

    init() {
        root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        if let override = ProcessInfo.processInfo.environment["XRPERF_BUILD_DIR"], !override.isEmpty {
            build = URL(fileURLWithPath: override)
        } else {
            build = root.appendingPathComponent("build")
        }
    }

    var explicitManifestDirectory: URL { build.appendingPathComponent("manifests/explicit") }
    var implicitManifest: URL { build.appendingPathComponent("manifests/implicit/XrApiLayer_xrperf.json") }
    var runtimeManifest: URL { build.appendingPathComponent("manifests/xrsim.json") }
    /// xrperf's Vulkan layer (VK_LAYER_XRPERF_frame_timing), for VK_ADD_LAYER_PATH.
    var vulkanManifestDirectory: URL { build.appendingPathComponent("manifests/vulkan") }
    var layerLibrary: URL { build.appendingPathComponent("bin/libXrApiLayer_xrperf.so") }
    var runtimeLibrary: URL { build.appendingPathComponent("bin/libXrSim.so") }
    var cli: URL { build.appendingPathComponent("bin/xrperf") }
    var loadgen: URL { build.appendingPathComponent("bin/xrperf-loadgen") }
    func host(_ name: String) -> URL { build.appendingPathComponent("hosts/\(name)") }

    /// Khronos' layers as Debian installs them.
    static let systemExplicitLayers = "/usr/share/openxr/1/api_layers/explicit.d"
    static let helloXr = "/usr/bin/hello_xr"

    struct Missing: Error, CustomStringConvertible {
        let paths: [String]
        var description: String {
            "missing build artifacts (run `make build` or `make test`): \(paths.joined(separator: ", "))"
        }
    }

    /// Throws naming every listed file that does not exist.
    func require(_ urls: URL...) throws {
        let missing = urls.map(\.path).filter { !FileManager.default.fileExists(atPath: $0) }
        if !missing.isEmpty { throw Missing(paths: missing) }
    }

    func require(paths: String...) throws {
        let missing = paths.filter { !FileManager.default.fileExists(atPath: $0) }
        if !missing.isEmpty { throw Missing(paths: missing) }
    }
}
