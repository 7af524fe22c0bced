import COpenXR
import XrPerfVulkan

/// A headless Vulkan instance and device with one queue that does graphics
/// (vkCmdBlitImage needs it) and compute (the pass), as an app's session would
/// hand the layer. No extension and no feature: the pass asks for none.
final class BenchDevice {
    let instance: VkInstance
    let physicalDevice: VkPhysicalDevice
    let device: VkDevice
    let queueFamilyIndex: UInt32
    let queue: VkQueue
    let name: String
    let driver: String

    /// `named`: a case-insensitive part of the device's name; without it a
    /// GPU is preferred to a CPU implementation such as lavapipe.
    init(named wanted: String?) throws(BenchError) {
        var applicationInfo = VkApplicationInfo()
        applicationInfo.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO
        applicationInfo.applicationVersion = 1
        // 1.1: sRGB runtime images are created with EXTENDED_USAGE (core in 1.1).
        applicationInfo.apiVersion = xrperf_vk_api_version_1_1()
        var instance: VkInstance?
        let created = withUnsafePointer(to: &applicationInfo) { applicationInfo in
            var info = VkInstanceCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO
            info.pApplicationInfo = applicationInfo
            return vkCreateInstance(&info, nil, &instance)
        }
        try vkCheck(created, "vkCreateInstance")
        guard let instance else { throw .unsupported("vkCreateInstance returned no instance") }
        self.instance = instance
        do throws(BenchError) {
            (physicalDevice, name, driver) = try Self.choose(instance, named: wanted)
            let familyIndex = try Self.queueFamily(physicalDevice, name: name)
            queueFamilyIndex = familyIndex
            device = try Self.createDevice(physicalDevice, queueFamilyIndex: familyIndex)
        } catch {
            vkDestroyInstance(instance, nil)
            throw error
        }
        var queue: VkQueue?
        vkGetDeviceQueue(device, queueFamilyIndex, 0, &queue)
        guard let queue else {
            vkDestroyDevice(device, nil)
            vkDestroyInstance(instance, nil)
            throw .unsupported("vkGetDeviceQueue returned no queue")
        }
        self.queue = queue
    }

    var binding: UpscaleContext.Binding {
        UpscaleContext.Binding(instance: instance, physicalDevice: physicalDevice, device: device,
                               queueFamilyIndex: queueFamilyIndex, queueIndex: 0)
    }

    func waitIdle() throws(BenchError) {
        try vkCheck(vkQueueWaitIdle(queue), "vkQueueWaitIdle")
    }

    func destroy() {
        vkDestroyDevice(device, nil)
        vkDestroyInstance(instance, nil)
    }

    private static func choose(_ instance: VkInstance,
                               named wanted: String?) throws(BenchError) -> (VkPhysicalDevice, String, String) {
        var count: UInt32 = 0
        try vkCheck(vkEnumeratePhysicalDevices(instance, &count, nil), "vkEnumeratePhysicalDevices")
        var devices = [VkPhysicalDevice?](repeating: nil, count: Int(count))
        try vkCheck(vkEnumeratePhysicalDevices(instance, &count, &devices), "vkEnumeratePhysicalDevices")
        var candidates: [(device: VkPhysicalDevice, name: String, driver: String, rank: Int)] = []
        for case let device? in devices.prefix(Int(count)) {
            var properties = VkPhysicalDeviceProperties()
            vkGetPhysicalDeviceProperties(device, &properties)
            let rank = switch properties.deviceType {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: 0
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: 1
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: 2
            case VK_PHYSICAL_DEVICE_TYPE_CPU: 4
            default: 3
            }
            let version = properties.apiVersion
            let driver = "Vulkan \(version >> 22).\((version >> 12) & 0x3ff).\(version & 0xfff), driver 0x\(String(properties.driverVersion, radix: 16))"
            candidates.append((device, stringFromCString(properties.deviceName), driver, rank))
        }
        if let wanted {
            guard let match = candidates.first(where: { $0.name.lowercased().contains(wanted.lowercased()) }) else {
                throw .unsupported("no Vulkan device named like '\(wanted)'; there are: "
                                   + candidates.map(\.name).joined(separator: ", "))
            }
            return (match.device, match.name, match.driver)
        }
        guard let best = candidates.min(by: { $0.rank < $1.rank }) else {
            throw .unsupported("no Vulkan device (is a driver installed? lavapipe: mesa-vulkan-drivers)")
        }
        return (best.device, best.name, best.driver)
    }

    private static func queueFamily(_ physicalDevice: VkPhysicalDevice, name: String) throws(BenchError) -> UInt32 {
        var count: UInt32 = 0
        vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice, &count, nil)
        var families = [VkQueueFamilyProperties](repeating: VkQueueFamilyProperties(), count: Int(count))
        vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice, &count, &families)
        let wanted = VK_QUEUE_GRAPHICS_BIT.rawValue | VK_QUEUE_COMPUTE_BIT.rawValue
        guard let index = families.firstIndex(where: { $0.queueFlags & wanted == wanted && $0.timestampValidBits > 0 }) else {
            throw .unsupported("\(name) has no queue family with graphics, compute and timestamps")
        }
        return UInt32(index)
    }

    private static func createDevice(_ physicalDevice: VkPhysicalDevice,
                                     queueFamilyIndex: UInt32) throws(BenchError) -> VkDevice {
        var priority: Float = 1
        var device: VkDevice?
        let result = withUnsafePointer(to: &priority) { priority in
            var queueInfo = VkDeviceQueueCreateInfo()
            queueInfo.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO
            queueInfo.queueFamilyIndex = queueFamilyIndex
            queueInfo.queueCount = 1
            queueInfo.pQueuePriorities = priority
            return withUnsafePointer(to: &queueInfo) { queueInfo in
                var info = VkDeviceCreateInfo()
                info.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO
                info.queueCreateInfoCount = 1
                info.pQueueCreateInfos = queueInfo
                return vkCreateDevice(physicalDevice, &info, nil, &device)
            }
        }
        try vkCheck(result, "vkCreateDevice")
        guard let device else { throw .unsupported("vkCreateDevice returned no device") }
        return device
    }
}
