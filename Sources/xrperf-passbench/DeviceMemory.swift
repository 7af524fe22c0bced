import COpenXR

/// Allocates memory of the first type `allowed` that has all of `properties`.
func allocateMemory(_ device: BenchDevice, size: VkDeviceSize, allowed: UInt32,
                    properties: VkMemoryPropertyFlags) throws(BenchError) -> VkDeviceMemory {
    var memoryProperties = VkPhysicalDeviceMemoryProperties()
    vkGetPhysicalDeviceMemoryProperties(device.physicalDevice, &memoryProperties)
    let typeIndex = withUnsafeBytes(of: memoryProperties.memoryTypes) { raw -> UInt32? in
        let types = raw.bindMemory(to: VkMemoryType.self)
        return (0..<memoryProperties.memoryTypeCount).first { index in
            allowed & (1 << index) != 0 && types[Int(index)].propertyFlags & properties == properties
        }
    }
    guard let typeIndex else { throw .unsupported("no Vulkan memory type with properties 0x\(String(properties, radix: 16))") }
    var info = VkMemoryAllocateInfo()
    info.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO
    info.allocationSize = size
    info.memoryTypeIndex = typeIndex
    var memory: VkDeviceMemory?
    try vkCheck(vkAllocateMemory(device.device, &info, nil, &memory), "vkAllocateMemory")
    guard let memory else { throw .unsupported("vkAllocateMemory returned no memory") }
    return memory
}
