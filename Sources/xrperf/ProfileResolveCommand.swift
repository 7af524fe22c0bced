import ArgumentParser
import XrPerfCore

/// `xrperf profile resolve`: what a given platform would get.
struct ProfileResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Print the settings a given app and platform would get, with sources.",
        discussion: """
            Applies the profile (the search order's, or --profile), the built-in \
            platform table and the XRPERF_* variables of this shell to the \
            platform described by the options, without running anything. Options \
            left out are unknown: only `*` patterns match them.

            Examples:
              xrperf profile resolve --runtime "WiVRn" --gpu-vendor amd
              xrperf profile resolve --app "hello_xr" --runtime "Monado(XRT) by Collabora" --gpu-vendor software
              xrperf profile resolve --app FlightSim --json
            """
    )

    @Option(name: .customLong("app"), help: "Application name (XrApplicationInfo.applicationName).")
    var application = ""
    @Option(help: "Engine name (XrApplicationInfo.engineName).")
    var engine = ""
    @Option(help: "Runtime name (XrInstanceProperties.runtimeName).")
    var runtime = ""
    @Option(help: "Headset name (XrSystemProperties.systemName).")
    var system = ""
    @Option(help: ArgumentHelp("GPU vendor: nvidia, amd, intel, software or other.", valueName: "vendor"))
    var gpuVendor: String?
    @Option(help: "GPU name (VkPhysicalDeviceProperties.deviceName).")
    var gpuName = ""
    @Option(help: "Vulkan driver name (VkPhysicalDeviceDriverProperties.driverName).")
    var driver = ""
    @Option(help: "Operating system.")
    var os = "linux"
    @Option(help: ArgumentHelp("Profile file to use instead of the search order's.", valueName: "file"))
    var profile: String?
    @Flag(name: .long, help: "Print one JSON object on standard output instead of text.")
    var json = false

    func validate() throws {
        if let gpuVendor, GPUVendor(rawValue: gpuVendor.lowercased()) == nil {
            throw ValidationError("--gpu-vendor must be one of nvidia, amd, intel, software, other; got '\(gpuVendor)'")
        }
    }

    func run() throws {
        let facts = PlatformFacts(
            application: application, engine: engine, runtime: runtime, system: system,
            gpuVendor: gpuVendor.flatMap { GPUVendor(rawValue: $0.lowercased()) }, gpuName: gpuName, driver: driver, os: os)
        let loaded: ProfileFile.Loaded?
        if let profile {
            loaded = ProfileFile.load(profile, origin: "--profile")
        } else {
            loaded = ProfileFile.located().map { ProfileFile.load($0.path, origin: $0.origin) }
        }
        try ProfileReport(loaded: loaded, facts: facts, environment: ProfileFile.environment).print(json: json)
    }
}
