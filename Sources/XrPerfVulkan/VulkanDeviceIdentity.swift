import COpenXR

/// Who made the app's GPU and which one it is, for per-platform tuning and the
/// telemetry header. Read once per session from the graphics binding.
public struct VulkanDeviceIdentity: Sendable {
    public let name: String
    public let vendorID: UInt32
    public let driverVersion: UInt32

    /// nil when Vulkan cannot be reached or the binding has no physical device.
    public init?(instance: VkInstance, physicalDevice: VkPhysicalDevice) {
        guard let getInstanceProcAddr = VulkanLibrary.instanceProcAddr(),
              let raw = getInstanceProcAddr(instance, "vkGetPhysicalDeviceProperties") else { return nil }
        let getProperties = unsafeBitCast(raw, to: PFN_vkGetPhysicalDeviceProperties.self)
        var properties = VkPhysicalDeviceProperties()
        getProperties(physicalDevice, &properties)
        name = withUnsafeBytes(of: properties.deviceName) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        vendorID = properties.vendorID
        driverVersion = properties.driverVersion
    }
}
