import COpenXR

/// The first memory type among `allowed` (a VkMemoryRequirements bit mask)
/// with all of `required`, preferring one that also has all of `preferred`.
func memoryTypeIndex(_ physical: VkPhysicalDevice, allowed: UInt32, required: VkMemoryPropertyFlags = 0,
                     preferred: VkMemoryPropertyFlags = 0) -> UInt32? {
    var properties = VkPhysicalDeviceMemoryProperties()
    vkGetPhysicalDeviceMemoryProperties(physical, &properties)
    let types = withUnsafeBytes(of: properties.memoryTypes) { Array($0.bindMemory(to: VkMemoryType.self)) }
    let candidates = (0..<Int(properties.memoryTypeCount)).filter {
        allowed & (1 << UInt32($0)) != 0 && types[$0].propertyFlags & required == required
    }
    let both = required | preferred
    return (candidates.first(where: { types[$0].propertyFlags & both == both }) ?? candidates.first).map(UInt32.init)
}
