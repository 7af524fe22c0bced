import ArgumentParser
import Foundation
import XrPerfCore

/// `xrperf uninstall`: removes what `xrperf install` wrote.
struct UninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove the xrperf layer's manifests.",
        discussion: """
            Removes xrperf's explicit and implicit manifests from the --user \
            (default) or --system api_layers folders, and its Vulkan layer's \
            manifest from the matching vulkan/explicit_layer.d. Only files whose \
            layer name is XR_APILAYER_XRPERF_performance (or \
            VK_LAYER_XRPERF_frame_timing) are removed; the library itself is \
            left where it is. Running it again is harmless.

            Examples:
              xrperf uninstall
              sudo xrperf uninstall --system
            """
    )

    @Flag(help: "Remove this user's installation (default) or the system-wide one.")
    var scope: LayerInstallation.Scope = .user

    func run() throws {
        let installation = try LayerInstallation(scope: scope, environment: ProcessInfo.processInfo.environment)
        var removed = 0
        for path in [installation.manifestPath(implicit: false), installation.manifestPath(implicit: true),
                     installation.vulkanManifestPath] {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard LayerInstallation.isOurs(path) else {
                print("left alone (not xrperf's manifest): \(path)")
                continue
            }
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                throw InstallFailure("cannot remove \(path): \(error.localizedDescription)")
            }
            print("removed \(path)")
            removed += 1
        }
        if removed == 0 { print("nothing to remove under \(installation.root)") }
    }
}

