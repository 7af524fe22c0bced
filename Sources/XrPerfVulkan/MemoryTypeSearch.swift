import COpenXR

extension VulkanDeviceFunctions {
    /// The first memory type among `allowed` (a VkMemoryRequirements bit
    /// mask) that has every property in `flags`; nil when none does. The
    /// pass's images and the timestamp readback both choose memory this way.
    func memoryTypeIndex(_ physicalDevice: VkPhysicalDevice, allowed: UInt32, flags: UInt32) -> UInt32? {
        var properties = VkPhysicalDeviceMemoryProperties()
        getPhysicalDeviceMemoryProperties(physicalDevice, &properties)
        return withUnsafeBytes(of: properties.memoryTypes) { raw -> UInt32? in
            let types = raw.bindMemory(to: VkMemoryType.self)
            for index in 0..<min(Int(properties.memoryTypeCount), types.count)
            where allowed & (1 << UInt32(index)) != 0 && types[index].propertyFlags & flags == flags {
                return UInt32(index)
            }
            return nil
        }
    }
}
