import ArgumentParser
import Foundation
import XrPerfCore

/// `xrperf install`: manifests that make the OpenXR loader find the layer.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Register the xrperf layer with the OpenXR loader.",
        discussion: """
            Writes the explicit manifest (and with --implicit the implicit one) with \
            an absolute path to the layer library. --user (the default) installs \
            into $XDG_DATA_HOME/openxr/1/api_layers (~/.local/share/...), for this \
            user only; --system into /usr/local/share/openxr/1/api_layers (needs \
            root). The Vulkan loader's manifest of the Vulkan layer in the same \
            library (VK_LAYER_XRPERF_frame_timing, which times the app's own \
            submissions so that app GPU time is the GPU's busy time) goes into \
            $XDG_DATA_HOME/vulkan/explicit_layer.d, or /usr/local/share/vulkan/... \
            with --system; it loads only on the instances the OpenXR layer puts it \
            on. Running it again is harmless: an up-to-date manifest is left \
            alone, an outdated one replaced. The library defaults to the one next \
            to this executable (../lib or the same folder).

            The explicit layer loads when asked for: \
            XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance. The implicit one \
            loads into every OpenXR app once ENABLE_XRPERF=1 is set; \
            DISABLE_XRPERF=1 always turns it off.

            Examples:
              xrperf install
              xrperf install --implicit
              sudo xrperf install --system --library /opt/xrperf/lib/libXrApiLayer_xrperf.so
            """
    )

    @Flag(help: "Install for this user (default) or for every user of the machine.")
    var scope: LayerInstallation.Scope = .user

    @Flag(name: .long, help: "Also install the implicit manifest (enabled by ENABLE_XRPERF=1).")
    var implicit = false

    @Option(name: .long, help: ArgumentHelp("The layer library to register.", valueName: "path"))
    var library: String?

    func run() throws {
        let installation = try LayerInstallation(scope: scope, environment: ProcessInfo.processInfo.environment)
        guard let chosen = library ?? LayerInstallation.defaultLibrary() else {
            throw InstallFailure("no \(XrPerfVersion.libraryName) next to this executable; name it with --library")
        }
        let path = URL(fileURLWithPath: chosen).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else { throw InstallFailure("no such library: \(path)") }
        for kind in implicit ? [false, true] : [false] {
            try write(LayerManifestText.render(libraryPath: path, implicit: kind), to: installation.manifestPath(implicit: kind))
        }
        try write(LayerManifestText.renderVulkan(libraryPath: path), to: installation.vulkanManifestPath)
        print("layer library: \(path)")
        print(implicit
              ? "enable it for an app with ENABLE_XRPERF=1 (or XR_ENABLE_API_LAYERS=\(XrPerfVersion.layerName))"
              : "enable it for an app with XR_ENABLE_API_LAYERS=\(XrPerfVersion.layerName)")
        print("check with: xrperf doctor")
    }

    private func write(_ text: String, to path: String) throws {
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        if existing == text {
            print("up to date: \(path)")
            return
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // Written beside the target and renamed: the loader never reads half a file.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InstallFailure("cannot write \(path): \(error.localizedDescription)")
        }
        print(existing == nil ? "wrote \(path)" : "replaced \(path)")
    }
}

struct InstallFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
