import COpenXR

/// A host-visible, coherent buffer mapped for its lifetime: how the bench
/// moves pixels into images (upload) and out of them (readback).
final class HostBuffer {
    private let device: BenchDevice
    let buffer: VkBuffer?
    private let memory: VkDeviceMemory?
    let bytes: UnsafeMutableRawBufferPointer

    init(_ device: BenchDevice, size: Int, usage: VkBufferUsageFlags) throws(BenchError) {
        self.device = device
        var info = VkBufferCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO
        info.size = VkDeviceSize(size)
        info.usage = usage
        info.sharingMode = VK_SHARING_MODE_EXCLUSIVE
        var buffer: VkBuffer?
        try vkCheck(vkCreateBuffer(device.device, &info, nil, &buffer), "vkCreateBuffer")
        var requirements = VkMemoryRequirements()
        vkGetBufferMemoryRequirements(device.device, buffer, &requirements)
        let memory: VkDeviceMemory
        do {
            memory = try allocateMemory(
                device, size: requirements.size, allowed: requirements.memoryTypeBits,
                properties: VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT.rawValue | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT.rawValue)
        } catch {
            vkDestroyBuffer(device.device, buffer, nil)
            throw error
        }
        var mapped: UnsafeMutableRawPointer?
        let bound = vkBindBufferMemory(device.device, buffer, memory, 0)
        let mappedResult = bound == VK_SUCCESS ? vkMapMemory(device.device, memory, 0, VkDeviceSize(size), 0, &mapped) : bound
        guard mappedResult == VK_SUCCESS, let mapped else {
            vkFreeMemory(device.device, memory, nil)
            vkDestroyBuffer(device.device, buffer, nil)
            throw .unsupported("host buffer: vkBindBufferMemory/vkMapMemory failed (VkResult \(mappedResult.rawValue))")
        }
        self.buffer = buffer
        self.memory = memory
        bytes = UnsafeMutableRawBufferPointer(start: mapped, count: size)
    }

    deinit {
        vkUnmapMemory(device.device, memory)
        vkFreeMemory(device.device, memory, nil)
        vkDestroyBuffer(device.device, buffer, nil)
    }
}
