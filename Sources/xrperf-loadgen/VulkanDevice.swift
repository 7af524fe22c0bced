import COpenXR

/// The Vulkan instance, device and queue the session renders with, made the
/// way the chosen OpenXR extension asks, with one queue that does graphics and
/// compute (the runtime's images are colour attachments; the load is compute).
final class VulkanDevice {
    let instance: VkInstance
    let physicalDevice: VkPhysicalDevice
    let device: VkDevice
    let queueFamilyIndex: UInt32
    let queue: VkQueue
    let deviceName: String
    /// The queue family's timestampValidBits: 0 when its queues write no timestamps.
    let timestampValidBits: UInt32
    /// Nanoseconds per timestamp tick.
    let timestampPeriod: Float

    init(connection: XrConnection) throws(LoadgenError) {
        var applicationInfo = VkApplicationInfo()
        applicationInfo.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO
        applicationInfo.applicationVersion = 1
        applicationInfo.engineVersion = 1

        let (instance, physicalDevice): (VkInstance, VkPhysicalDevice)
        switch connection.graphics {
        case .vulkan2:
            try Self.checkRequirements(connection, "xrGetVulkanGraphicsRequirements2KHR",
                                       XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN2_KHR)
            applicationInfo.apiVersion = xrperf_vk_api_version_1_0()
            instance = try Self.createInstance2(connection, applicationInfo: &applicationInfo)
            physicalDevice = try Self.physicalDevice2(connection, instance: instance)
        case .vulkan:
            try Self.checkRequirements(connection, "xrGetVulkanGraphicsRequirementsKHR",
                                       XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN_KHR)
            applicationInfo.apiVersion = xrperf_vk_api_version_1_0()
            instance = try Self.createInstance(connection, applicationInfo: &applicationInfo)
            physicalDevice = try Self.physicalDevice(connection, instance: instance)
        }
        self.instance = instance
        self.physicalDevice = physicalDevice

        var properties = VkPhysicalDeviceProperties()
        vkGetPhysicalDeviceProperties(physicalDevice, &properties)
        deviceName = stringFromCString(properties.deviceName)
        timestampPeriod = properties.limits.timestampPeriod

        var familyCount: UInt32 = 0
        vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice, &familyCount, nil)
        var families = [VkQueueFamilyProperties](repeating: VkQueueFamilyProperties(), count: Int(familyCount))
        vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice, &familyCount, &families)
        let wanted = VK_QUEUE_GRAPHICS_BIT.rawValue | VK_QUEUE_COMPUTE_BIT.rawValue
        guard let family = families.firstIndex(where: { $0.queueFlags & wanted == wanted }) else {
            vkDestroyInstance(instance, nil)
            throw .unsupported("\(deviceName) has no queue family with graphics and compute")
        }
        queueFamilyIndex = UInt32(family)
        timestampValidBits = families[family].timestampValidBits

        var priority: Float = 1
        var queueInfo = VkDeviceQueueCreateInfo()
        queueInfo.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO
        queueInfo.queueFamilyIndex = queueFamilyIndex
        queueInfo.queueCount = 1
        var device: VkDevice?
        do throws(LoadgenError) {
            device = try withUnsafePointer(to: &priority) { priority throws(LoadgenError) in
                queueInfo.pQueuePriorities = priority
                return try withUnsafePointer(to: &queueInfo) { queueInfo throws(LoadgenError) in
                    var deviceInfo = VkDeviceCreateInfo()
                    deviceInfo.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO
                    deviceInfo.queueCreateInfoCount = 1
                    deviceInfo.pQueueCreateInfos = queueInfo
                    switch connection.graphics {
                    case .vulkan2:
                        return try Self.createDevice2(connection, physicalDevice: physicalDevice, info: &deviceInfo)
                    case .vulkan:
                        return try Self.createDevice(connection, physicalDevice: physicalDevice, info: &deviceInfo)
                    }
                }
            }
        } catch {
            vkDestroyInstance(instance, nil)
            throw error
        }
        guard let device else {
            vkDestroyInstance(instance, nil)
            throw .unsupported("no Vulkan device was created")
        }
        self.device = device
        var queue: VkQueue?
        vkGetDeviceQueue(device, queueFamilyIndex, 0, &queue)
        guard let queue else {
            vkDestroyDevice(device, nil)
            vkDestroyInstance(instance, nil)
            throw .unsupported("vkGetDeviceQueue returned no queue")
        }
        self.queue = queue
    }

    /// The binding for xrCreateSession (XrGraphicsBindingVulkan2KHR is the same struct).
    var sessionBinding: XrGraphicsBindingVulkanKHR {
        var binding = XrGraphicsBindingVulkanKHR()
        binding.type = XR_TYPE_GRAPHICS_BINDING_VULKAN_KHR
        binding.instance = instance
        binding.physicalDevice = physicalDevice
        binding.device = device
        binding.queueFamilyIndex = queueFamilyIndex
        binding.queueIndex = 0
        return binding
    }

    func destroy() {
        vkDestroyDevice(device, nil)
        vkDestroyInstance(instance, nil)
    }

    // MARK: - XR_KHR_vulkan_enable2

    private static func createInstance2(_ connection: XrConnection,
                                        applicationInfo: inout VkApplicationInfo) throws(LoadgenError) -> VkInstance {
        let create = try connection.function("xrCreateVulkanInstanceKHR", as: PFN_xrCreateVulkanInstanceKHR.self)
        var instance: VkInstance?
        var vulkanResult = VK_SUCCESS
        let result = withUnsafePointer(to: &applicationInfo) { applicationInfo in
            var createInfo = VkInstanceCreateInfo()
            createInfo.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO
            createInfo.pApplicationInfo = applicationInfo
            return withUnsafePointer(to: &createInfo) { createInfo in
                var info = XrVulkanInstanceCreateInfoKHR()
                info.type = XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR
                info.systemId = connection.system
                info.pfnGetInstanceProcAddr = vkGetInstanceProcAddr
                info.vulkanCreateInfo = createInfo
                return create(connection.instance, &info, &instance, &vulkanResult)
            }
        }
        try connection.check(result, "xrCreateVulkanInstanceKHR")
        try vkCheck(vulkanResult, "vkCreateInstance (through xrCreateVulkanInstanceKHR)")
        guard let instance else { throw .unsupported("xrCreateVulkanInstanceKHR returned no VkInstance") }
        return instance
    }

    private static func physicalDevice2(_ connection: XrConnection,
                                        instance: VkInstance) throws(LoadgenError) -> VkPhysicalDevice {
        try runtimePhysicalDevice(of: instance) { physicalDevice throws(LoadgenError) in
            let get = try connection.function("xrGetVulkanGraphicsDevice2KHR", as: PFN_xrGetVulkanGraphicsDevice2KHR.self)
            var info = XrVulkanGraphicsDeviceGetInfoKHR()
            info.type = XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR
            info.systemId = connection.system
            info.vulkanInstance = instance
            try connection.check(get(connection.instance, &info, &physicalDevice), "xrGetVulkanGraphicsDevice2KHR")
        }
    }

    private static func createDevice2(_ connection: XrConnection, physicalDevice: VkPhysicalDevice,
                                      info deviceInfo: inout VkDeviceCreateInfo) throws(LoadgenError) -> VkDevice? {
        let create = try connection.function("xrCreateVulkanDeviceKHR", as: PFN_xrCreateVulkanDeviceKHR.self)
        var device: VkDevice?
        var vulkanResult = VK_SUCCESS
        let result = withUnsafePointer(to: &deviceInfo) { deviceInfo in
            var info = XrVulkanDeviceCreateInfoKHR()
            info.type = XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR
            info.systemId = connection.system
            info.pfnGetInstanceProcAddr = vkGetInstanceProcAddr
            info.vulkanPhysicalDevice = physicalDevice
            info.vulkanCreateInfo = deviceInfo
            return create(connection.instance, &info, &device, &vulkanResult)
        }
        try connection.check(result, "xrCreateVulkanDeviceKHR")
        try vkCheck(vulkanResult, "vkCreateDevice (through xrCreateVulkanDeviceKHR)")
        return device
    }

    // MARK: - XR_KHR_vulkan_enable

    /// The runtime's space-separated extension list (two-call idiom).
    private static func extensionList(
        _ connection: XrConnection, _ name: String
    ) throws(LoadgenError) -> [String] {
        let get = try connection.function(name, as: PFN_xrGetVulkanInstanceExtensionsKHR.self)
        var length: UInt32 = 0
        try connection.check(get(connection.instance, connection.system, 0, &length, nil), name)
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        try connection.check(get(connection.instance, connection.system, length, &length, &buffer), name)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.split(separator: " ").map(String.init)
    }

    private static func createInstance(_ connection: XrConnection,
                                       applicationInfo: inout VkApplicationInfo) throws(LoadgenError) -> VkInstance {
        let extensions = CStringList(try extensionList(connection, "xrGetVulkanInstanceExtensionsKHR"))
        var instance: VkInstance?
        let result = withUnsafePointer(to: &applicationInfo) { applicationInfo in
            extensions.pointers.withUnsafeBufferPointer { names in
                var createInfo = VkInstanceCreateInfo()
                createInfo.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO
                createInfo.pApplicationInfo = applicationInfo
                createInfo.enabledExtensionCount = UInt32(names.count)
                createInfo.ppEnabledExtensionNames = names.baseAddress
                return vkCreateInstance(&createInfo, nil, &instance)
            }
        }
        try vkCheck(result, "vkCreateInstance")
        guard let instance else { throw .unsupported("vkCreateInstance returned no instance") }
        return instance
    }

    private static func physicalDevice(_ connection: XrConnection,
                                       instance: VkInstance) throws(LoadgenError) -> VkPhysicalDevice {
        try runtimePhysicalDevice(of: instance) { physicalDevice throws(LoadgenError) in
            let get = try connection.function("xrGetVulkanGraphicsDeviceKHR", as: PFN_xrGetVulkanGraphicsDeviceKHR.self)
            try connection.check(get(connection.instance, connection.system, instance, &physicalDevice),
                                 "xrGetVulkanGraphicsDeviceKHR")
        }
    }

    private static func createDevice(_ connection: XrConnection, physicalDevice: VkPhysicalDevice,
                                     info deviceInfo: inout VkDeviceCreateInfo) throws(LoadgenError) -> VkDevice? {
        let extensions = CStringList(try extensionList(connection, "xrGetVulkanDeviceExtensionsKHR"))
        var device: VkDevice?
        let result = extensions.pointers.withUnsafeBufferPointer { names in
            deviceInfo.enabledExtensionCount = UInt32(names.count)
            deviceInfo.ppEnabledExtensionNames = names.baseAddress
            return vkCreateDevice(physicalDevice, &deviceInfo, nil, &device)
        }
        try vkCheck(result, "vkCreateDevice")
        return device
    }

    // MARK: - Shared by both extensions

    /// The graphics requirements: the runtime demands the query before
    /// xrCreateSession. Both extensions' functions share one signature and struct.
    private static func checkRequirements(_ connection: XrConnection, _ name: String,
                                          _ type: XrStructureType) throws(LoadgenError) {
        let get = try connection.function(name, as: PFN_xrGetVulkanGraphicsRequirementsKHR.self)
        var requirements = XrGraphicsRequirementsVulkanKHR()
        requirements.type = type
        try connection.check(get(connection.instance, connection.system, &requirements), name)
        try checkVersion1_0(requirements)
    }

    /// The physical device `query` gets from the runtime; `instance` is
    /// destroyed when there is none, as the caller cannot do it any more.
    private static func runtimePhysicalDevice(
        of instance: VkInstance, _ query: (inout VkPhysicalDevice?) throws(LoadgenError) -> Void
    ) throws(LoadgenError) -> VkPhysicalDevice {
        var physicalDevice: VkPhysicalDevice?
        do throws(LoadgenError) {
            try query(&physicalDevice)
        } catch {
            vkDestroyInstance(instance, nil)
            throw error
        }
        guard let physicalDevice else {
            vkDestroyInstance(instance, nil)
            throw .unsupported("the runtime named no Vulkan physical device")
        }
        return physicalDevice
    }

    /// The app asks for Vulkan 1.0; the runtime must accept that.
    private static func checkVersion1_0(_ requirements: XrGraphicsRequirementsVulkanKHR) throws(LoadgenError) {
        let wanted = xrperf_make_version(1, 0, 0)
        guard requirements.minApiVersionSupported <= wanted else {
            throw .unsupported("the runtime needs Vulkan \(xrperf_version_major(requirements.minApiVersionSupported)).\(xrperf_version_minor(requirements.minApiVersionSupported)) or newer; xrperf-loadgen uses 1.0")
        }
    }
}
