import Foundation

/// The environment of one run through the real loader: XrSim as the runtime
/// on its virtual clock, a private XDG_RUNTIME_DIR for lavapipe, and the given
/// explicit layers enabled from the app down to the runtime. Anything of the
/// caller's own OpenXR setup is removed so results never depend on the machine.
struct XrEnvironment {
    let artifacts: Artifacts
    let scratch: URL
    var layers: [String] = []
    var variables: [String: String] = [:]

    static let xrperf = "XR_APILAYER_XRPERF_performance"
    static let coreValidation = "XR_APILAYER_LUNARG_core_validation"

    init(artifacts: Artifacts, layers: [String] = [], frames: Int = 240) throws {
        self.artifacts = artifacts
        self.layers = layers
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("xrperf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        variables = [
            "XR_RUNTIME_JSON": artifacts.runtimeManifest.path,
            "XR_API_LAYER_PATH": "\(artifacts.explicitManifestDirectory.path):\(Artifacts.systemExplicitLayers)",
            // As an installed xrperf is found: the layer puts its Vulkan layer
            // on the app's instance, for app GPU time as busy time.
            "VK_ADD_LAYER_PATH": artifacts.vulkanManifestDirectory.path,
            "XRSIM_CLOCK": "virtual",
            "XRSIM_FRAMES": String(frames),
            "XRSIM_RESOLUTION": "256x256",
            "XRSIM_LOG_LEVEL": "info",
            "XRPERF_LOG_LEVEL": "info",
            "XR_CORE_VALIDATION_FILE_NAME": validationLog.path,
            "XDG_RUNTIME_DIR": scratch.path,
            "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path,
            // Learned settings: never the user's own file.
            "XDG_STATE_HOME": scratch.appendingPathComponent("state").path,
        ]
    }

    var validationLog: URL { scratch.appendingPathComponent("core_validation.txt") }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { key, _ in
            !(key.hasPrefix("XR_") || key.hasPrefix("XRSIM_") || key.hasPrefix("XRPERF_")
              || key.hasSuffix("_XRPERF") || key.hasPrefix("VK_") || key.hasPrefix("XDG_"))
        }
        env.merge(variables) { _, new in new }
        if !layers.isEmpty { env["XR_ENABLE_API_LAYERS"] = layers.joined(separator: ":") }
        return env
    }

    /// What Khronos' core_validation wrote (empty when it found nothing).
    func validationMessages() -> String {
        (try? String(contentsOf: validationLog, encoding: .utf8)) ?? ""
    }

    func cleanUp() { try? FileManager.default.removeItem(at: scratch) }
}
