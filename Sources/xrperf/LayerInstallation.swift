import ArgumentParser
import Foundation
import XrPerfCore

/// Where `xrperf install` puts manifests and which library they name.
struct LayerInstallation {
    enum Scope: String, EnumerableFlag {
        case user, system
    }

    let scope: Scope
    let root: String
    /// The Vulkan loader's data folder for the same scope.
    let vulkanRoot: String

    /// `--user`: `$XDG_DATA_HOME` (default ~/.local/share), searched by every
    /// loader for this user. `--system`: /usr/local/share, in the default
    /// `XDG_DATA_DIRS`, the same place `make install` uses.
    init(scope: Scope, environment: [String: String]) throws {
        self.scope = scope
        let data: String
        switch scope {
        case .system:
            data = "/usr/local/share"
        case .user:
            if let home = environment["XDG_DATA_HOME"], home.hasPrefix("/") {
                data = home
            } else if let home = environment["HOME"], home.hasPrefix("/") {
                data = home + "/.local/share"
            } else {
                throw ValidationFailure("neither XDG_DATA_HOME nor HOME is an absolute path: cannot find the user's data directory")
            }
        }
        root = data + "/openxr/1/api_layers"
        vulkanRoot = data + "/vulkan"
    }

    func manifestPath(implicit: Bool) -> String {
        root + (implicit ? "/implicit.d/" : "/explicit.d/") + LayerManifestText.fileName
    }

    /// The Vulkan layer's manifest: explicit, loaded only when asked for.
    var vulkanManifestPath: String { vulkanRoot + "/explicit_layer.d/" + LayerManifestText.vulkanFileName }

    /// The layer next to this executable: `<prefix>/bin/xrperf` beside
    /// `<prefix>/lib/`, or a build folder holding both.
    static func defaultLibrary() -> String? {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return nil
        }
        let directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let candidates = [
            directory.deletingLastPathComponent().appendingPathComponent("lib/\(XrPerfVersion.libraryName)"),
            directory.appendingPathComponent(XrPerfVersion.libraryName),
        ]
        return candidates.map(\.path).first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Whether a manifest file is xrperf's (so uninstall never removes another layer's file).
    static func isOurs(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        if let layer = object["api_layer"] as? [String: Any] { return layer["name"] as? String == XrPerfVersion.layerName }
        if let layer = object["layer"] as? [String: Any] { return layer["name"] as? String == XrPerfVersion.vulkanLayerName }
        return false
    }

    struct ValidationFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
