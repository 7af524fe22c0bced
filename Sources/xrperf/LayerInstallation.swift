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

    /// `--user`: `$XDG_DATA_HOME` (default ~/.local/share), searched by every
    /// loader for this user. `--system`: /usr/local/share, in the default
    /// `XDG_DATA_DIRS`, the same place `make install` uses.
    init(scope: Scope, environment: [String: String]) throws {
        self.scope = scope
        switch scope {
        case .system:
            root = "/usr/local/share/openxr/1/api_layers"
        case .user:
            if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
                root = data + "/openxr/1/api_layers"
            } else if let home = environment["HOME"], home.hasPrefix("/") {
                root = home + "/.local/share/openxr/1/api_layers"
            } else {
                throw ValidationFailure("neither XDG_DATA_HOME nor HOME is an absolute path: cannot find the user's data directory")
            }
        }
    }

    func manifestPath(implicit: Bool) -> String {
        root + (implicit ? "/implicit.d/" : "/explicit.d/") + LayerManifestText.fileName
    }

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
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let layer = object["api_layer"] as? [String: Any] else { return false }
        return layer["name"] as? String == XrPerfVersion.layerName
    }

    struct ValidationFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
