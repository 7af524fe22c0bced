import ArgumentParser
import Foundation
import XrPerfCore

/// `xrperf doctor`: is everything in place for an OpenXR app to get xrperf?
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the OpenXR loader, runtime, xrperf layer and Vulkan.",
        discussion: """
            Runs four checks and reports each as ok, warn or fail with a one-line \
            detail and, when not ok, a hint for fixing it.

            loader: libopenxr_loader.so.1 is loadable; its real file and version. \
            The version decides which of the loader's search rules the other \
            checks emulate (1.0.20 ignores active_runtime.x86_64.json, for instance).

            runtime: the active runtime manifest, found as the loader finds it \
            (XR_RUNTIME_JSON, else active_runtime.json under XDG_CONFIG_HOME, each \
            XDG_CONFIG_DIRS entry and /etc). Its library is loaded with RTLD_NOW and \
            must export xrNegotiateLoaderRuntimeInterface.

            layers: every manifest of XR_APILAYER_XRPERF_performance in the explicit \
            and implicit search directories (XR_API_LAYER_PATH replaces the explicit \
            ones). Each library is loaded and must export \
            xrNegotiateLoaderApiLayerInterface. Says whether an app started from this \
            environment gets the layer (ENABLE_XRPERF, DISABLE_XRPERF, \
            XR_ENABLE_API_LAYERS) and names the other layers found.

            vulkan: libvulkan.so.1 creates an instance; each physical device is \
            listed with type, vendor, driver and API version; and whether the \
            Vulkan loader lists xrperf's Vulkan layer, VK_LAYER_XRPERF_frame_timing \
            (warn when not: app GPU time then spans xrBeginFrame to xrEndFrame, \
            idle gaps included).

            The checks read the environment of this command, so run it from the \
            environment your apps start in. Libraries are loaded into this process \
            to test them; their constructors run.

            Exit status: 0 when no check failed (warnings allowed), 1 when any \
            check failed, 64 on a usage error.

            Examples:
              xrperf doctor
              XR_RUNTIME_JSON=/opt/xrsim/xrsim_runtime.json xrperf doctor
              ENABLE_XRPERF=1 xrperf doctor --json | jq '.checks[] | {name, status}'
            """
    )

    @OptionGroup var output: OutputOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let fileSystem = LocalFileSystem()
        let (loaderCheck, loaderVersion) = LoaderCheck.run()
        let paths = OpenXRSearchPaths(environment: environment, loaderVersion: loaderVersion)
        let report = DoctorReport(checks: [
            loaderCheck,
            RuntimeCheck.run(paths: paths, fileSystem: fileSystem),
            LayerCheck.run(paths: paths, fileSystem: fileSystem),
            VulkanCheck.run(),
        ])

        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(report)
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            let terminal = Terminal(choice: output.color, environment: environment)
            print(DoctorTextRenderer(terminal: terminal).render(report), terminator: "")
        }
        if report.worst == .fail {
            throw ExitCode.failure
        }
    }
}
