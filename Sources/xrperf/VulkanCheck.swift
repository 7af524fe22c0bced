import COpenXR
import Glibc
import XrPerfCore

/// One Vulkan physical device.
struct VulkanDevice: Codable {
    var name: String
    /// discrete, integrated, virtual, cpu or other.
    var type: String
    var vendorID: UInt32
    var deviceID: UInt32
    /// Raw `driverVersion`; its encoding is vendor-specific.
    var driverVersion: UInt32
    /// `driverVersion` decoded by the vendor's known scheme.
    var driverVersionText: String
    var apiVersion: String

    var textLine: String {
        "\(name) (\(type), vendor 0x\(String(vendorID, radix: 16)), driver \(driverVersionText), Vulkan \(apiVersion))"
    }
}

/// What was learnt about Vulkan.
struct VulkanFacts: Codable {
    var library = VulkanCheck.soname
    /// The API version the instance was created with.
    var instanceVersion: String?
    var devices: [VulkanDevice] = []
    /// Whether the Vulkan loader lists xrperf's Vulkan layer (the one that
    /// makes app GPU time busy time); nil when not asked (no loader).
    var frameTimingLayer: Bool?
    var error: String?

    var textLines: [String] {
        var lines: [String] = []
        if let instanceVersion { lines.append("instance: Vulkan \(instanceVersion)") }
        if let frameTimingLayer {
            lines.append("\(XrPerfVersion.vulkanLayerName): " + (frameTimingLayer
                ? "found (app GPU time: the GPU's busy time over the app's submissions)"
                : "not found (app GPU time spans xrBeginFrame to xrEndFrame, idle gaps included)"))
        }
        lines += devices.map { "device: \($0.textLine)" }
        if let error { lines.append("error: \(error)") }
        return lines
    }
}

/// Check 4: the Vulkan xrperf's GPU work runs on. Vulkan is reached only through
/// dlopen'd function pointers so the CLI runs (and reports) without it.
enum VulkanCheck {
    static let soname = "libvulkan.so.1"

    static func run() -> DoctorCheck {
        var facts = VulkanFacts()
        func verdict(_ status: DoctorStatus, _ detail: String, _ hint: String) -> DoctorCheck {
            DoctorCheck(status: status, detail: detail, hint: hint, data: .vulkan(facts))
        }

        let library: DynamicLibrary
        switch DynamicLibrary.open(soname, flags: RTLD_NOW | RTLD_LOCAL) {
        case .failure(let error):
            facts.error = error.message
            return verdict(.fail, "\(soname) cannot be loaded", "install the Vulkan loader and a driver (Debian: apt install libvulkan1 mesa-vulkan-drivers)")
        case .success(let opened):
            library = opened
        }
        guard let gipaPointer = library.symbol("vkGetInstanceProcAddr") else {
            facts.error = "vkGetInstanceProcAddr not exported"
            return verdict(.fail, "\(soname) is not a Vulkan loader", "reinstall libvulkan1")
        }
        let getInstanceProcAddr = unsafeBitCast(gipaPointer, to: PFN_vkGetInstanceProcAddr.self)
        func global<T>(_ name: String, as type: T.Type) -> T? {
            getInstanceProcAddr(nil, name).map { unsafeBitCast($0, to: type) }
        }

        // 1.1 when the loader offers it (vkEnumerateInstanceVersion is 1.1+).
        var loaderVersion = xrperf_vk_api_version_1_0()
        if let enumerateVersion = global("vkEnumerateInstanceVersion", as: PFN_vkEnumerateInstanceVersion.self) {
            _ = enumerateVersion(&loaderVersion)
        }
        let apiVersion = loaderVersion >= xrperf_vk_api_version_1_1() ? xrperf_vk_api_version_1_1() : xrperf_vk_api_version_1_0()

        if let listLayers = global("vkEnumerateInstanceLayerProperties", as: PFN_vkEnumerateInstanceLayerProperties.self) {
            facts.frameTimingLayer = listsFrameTimingLayer(listLayers)
        }

        guard let createInstance = global("vkCreateInstance", as: PFN_vkCreateInstance.self) else {
            facts.error = "vkCreateInstance not found"
            return verdict(.fail, "Vulkan loader offers no vkCreateInstance", "reinstall libvulkan1")
        }
        var instance: VkInstance?
        let result: VkResult = "xrperf doctor".withCString { appName in
            var app = VkApplicationInfo()
            app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO
            app.pApplicationName = appName
            app.applicationVersion = 1
            app.apiVersion = apiVersion
            return withUnsafePointer(to: &app) { appPointer in
                var info = VkInstanceCreateInfo()
                info.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO
                info.pApplicationInfo = appPointer
                return createInstance(&info, nil, &instance)
            }
        }
        guard result == VK_SUCCESS, let instance else {
            facts.error = "vkCreateInstance returned \(result.rawValue)"
            return verdict(
                .fail, "cannot create a Vulkan instance (VkResult \(result.rawValue))",
                "check that a Vulkan driver is installed (vulkaninfo --summary); lavapipe needs XDG_RUNTIME_DIR set")
        }
        facts.instanceVersion = versionText(apiVersion)

        let procedure = { (name: String) in getInstanceProcAddr(instance, name) }
        defer {
            if let destroy = procedure("vkDestroyInstance") {
                unsafeBitCast(destroy, to: PFN_vkDestroyInstance.self)(instance, nil)
            }
        }
        guard let enumerateRaw = procedure("vkEnumeratePhysicalDevices"),
            let propertiesRaw = procedure("vkGetPhysicalDeviceProperties")
        else {
            facts.error = "instance functions missing"
            return verdict(.fail, "Vulkan instance lacks core functions", "reinstall libvulkan1")
        }
        let enumerate = unsafeBitCast(enumerateRaw, to: PFN_vkEnumeratePhysicalDevices.self)
        let getProperties = unsafeBitCast(propertiesRaw, to: PFN_vkGetPhysicalDeviceProperties.self)

        var count: UInt32 = 0
        _ = enumerate(instance, &count, nil)
        var handles = [VkPhysicalDevice?](repeating: nil, count: Int(count))
        _ = enumerate(instance, &count, &handles)
        for handle in handles.prefix(Int(count)) {
            var properties = VkPhysicalDeviceProperties()
            getProperties(handle, &properties)
            facts.devices.append(device(from: properties))
        }

        if facts.devices.isEmpty {
            return verdict(.fail, "Vulkan works but finds no device", "install a Vulkan driver for your GPU (Mesa: mesa-vulkan-drivers)")
        }
        let summary = facts.devices.map { "\($0.name) (\($0.type))" }.joined(separator: ", ")
        let layerMissing = facts.frameTimingLayer == false
        let layerHint = "xrperf install (or make install) puts xrperf's Vulkan layer where the Vulkan loader looks; "
            + "for a build tree set VK_ADD_LAYER_PATH=<checkout>/build/manifests/vulkan"
        let missingText = "; xrperf's Vulkan layer is not found, so app GPU time includes idle gaps"
        if facts.devices.allSatisfy({ $0.type == "cpu" }) {
            return verdict(
                .warn, "only a software rasteriser: \(summary)" + (layerMissing ? missingText : ""),
                "fine for tests and XrSim; a headset needs a GPU driver (Mesa RADV/ANV or NVIDIA)"
                    + (layerMissing ? "; " + layerHint : ""))
        }
        let devices = "\(facts.devices.count) device\(facts.devices.count == 1 ? "" : "s"): \(summary)"
        if layerMissing { return verdict(.warn, devices + missingText, layerHint) }
        return verdict(.ok, devices, "none needed")
    }

    /// The same question the layer asks before it adds its Vulkan layer to an
    /// app's instance: does the Vulkan loader, in this environment, list it?
    private static func listsFrameTimingLayer(_ list: PFN_vkEnumerateInstanceLayerProperties) -> Bool {
        var count: UInt32 = 0
        guard list(&count, nil) == VK_SUCCESS else { return false }
        var properties = [VkLayerProperties](repeating: VkLayerProperties(), count: Int(count))
        let result = list(&count, &properties)
        guard result == VK_SUCCESS || result == VK_INCOMPLETE else { return false }
        return properties.prefix(Int(count)).contains { property in
            withUnsafeBytes(of: property.layerName) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self) == XrPerfVersion.vulkanLayerName
            }
        }
    }

    private static func device(from properties: VkPhysicalDeviceProperties) -> VulkanDevice {
        let name = withUnsafeBytes(of: properties.deviceName) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        return VulkanDevice(
            name: name,
            type: typeName(properties.deviceType),
            vendorID: properties.vendorID,
            deviceID: properties.deviceID,
            driverVersion: properties.driverVersion,
            driverVersionText: driverText(properties.driverVersion, vendor: properties.vendorID),
            apiVersion: versionText(properties.apiVersion))
    }

    private static func typeName(_ type: VkPhysicalDeviceType) -> String {
        switch type {
        case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: "discrete"
        case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: "integrated"
        case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: "virtual"
        case VK_PHYSICAL_DEVICE_TYPE_CPU: "cpu"
        default: "other"
        }
    }

    /// VK_MAKE_API_VERSION layout: variant 3 bits, major 7, minor 10, patch 12.
    static func versionText(_ version: UInt32) -> String {
        "\((version >> 22) & 0x7F).\((version >> 12) & 0x3FF).\(version & 0xFFF)"
    }

    /// NVIDIA packs 10.8.8.6 bits; Mesa and most others use the API layout.
    static func driverText(_ version: UInt32, vendor: UInt32) -> String {
        if vendor == 0x10DE {
            return "\(version >> 22).\((version >> 14) & 0xFF).\((version >> 6) & 0xFF).\(version & 0x3F)"
        }
        return versionText(version)
    }
}
