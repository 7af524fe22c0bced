import COpenXR

/// Where a slot's two timestamps land for the CPU: a small host-visible
/// buffer the slot's own command buffer copies its queries into. Reading it
/// after the slot's fence has signalled is a memory load. vkGetQueryPoolResults
/// is not used on the frame path because lavapipe's waits for the queue to
/// drain even without WAIT_BIT: the pass called it in xrEndFrame, right after
/// the app's submission, and held the app's thread for that frame's whole
/// GPU time (median 3.1 ms of layer CPU per frame at 256x256, p90 11.8 ms).
/// The app GPU timer and the pass each have one.
final class TimestampReadback {
    private let functions: VulkanDeviceFunctions
    private let device: VkDevice
    private var buffer: VkBuffer?
    private var memory: VkDeviceMemory?
    private let values: UnsafeMutablePointer<UInt64>

    /// Two 64-bit values per slot, mapped for the session's lifetime.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(functions: VulkanDeviceFunctions, device: VkDevice, physicalDevice: VkPhysicalDevice, slots: Int) throws(Failure) {
        self.functions = functions
        self.device = device
        let size = VkDeviceSize(2 * slots * MemoryLayout<UInt64>.size)
        var info = VkBufferCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO
        info.size = size
        info.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT.rawValue
        info.sharingMode = VK_SHARING_MODE_EXCLUSIVE
        var made: VkBuffer?
        var result = functions.createBuffer(device, &info, nil, &made)
        guard result == VK_SUCCESS, let made else { throw Failure(description: "vkCreateBuffer failed (VkResult \(result.rawValue))") }
        var requirements = VkMemoryRequirements()
        functions.getBufferMemoryRequirements(device, made, &requirements)
        let wanted = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT.rawValue | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT.rawValue
        guard let type = functions.memoryTypeIndex(physicalDevice, allowed: requirements.memoryTypeBits, flags: wanted) else {
            functions.destroyBuffer(device, made, nil)
            throw Failure(description: "no host-visible coherent memory for timestamps")
        }
        var allocation = VkMemoryAllocateInfo()
        allocation.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO
        allocation.allocationSize = requirements.size
        allocation.memoryTypeIndex = type
        var allocated: VkDeviceMemory?
        result = functions.allocateMemory(device, &allocation, nil, &allocated)
        guard result == VK_SUCCESS, let allocated else {
            functions.destroyBuffer(device, made, nil)
            throw Failure(description: "vkAllocateMemory failed (VkResult \(result.rawValue))")
        }
        var mapped: UnsafeMutableRawPointer?
        result = functions.bindBufferMemory(device, made, allocated, 0)
        if result == VK_SUCCESS { result = functions.mapMemory(device, allocated, 0, size, 0, &mapped) }
        guard result == VK_SUCCESS, let mapped else {
            functions.destroyBuffer(device, made, nil)
            functions.freeMemory(device, allocated, nil)
            throw Failure(description: "vkBindBufferMemory or vkMapMemory failed (VkResult \(result.rawValue))")
        }
        buffer = made
        memory = allocated
        values = mapped.bindMemory(to: UInt64.self, capacity: 2 * slots)
    }

    /// Records the copy of `slot`'s two queries (begin, end) into the buffer,
    /// made visible to the host by the time the command buffer's fence
    /// signals.
    func record(_ command: VkCommandBuffer, pool: VkQueryPool, slot: Int) {
        let flags = VK_QUERY_RESULT_64_BIT.rawValue | VK_QUERY_RESULT_WAIT_BIT.rawValue
        functions.cmdCopyQueryPoolResults(command, pool, UInt32(2 * slot), 2, buffer,
                                          VkDeviceSize(2 * slot * MemoryLayout<UInt64>.size),
                                          VkDeviceSize(MemoryLayout<UInt64>.size), VkQueryResultFlags(flags))
        var barrier = VkMemoryBarrier()
        barrier.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER
        barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT.rawValue
        barrier.dstAccessMask = VK_ACCESS_HOST_READ_BIT.rawValue
        functions.cmdPipelineBarrier(command, VK_PIPELINE_STAGE_TRANSFER_BIT.rawValue, VK_PIPELINE_STAGE_HOST_BIT.rawValue,
                                     0, 1, &barrier, 0, nil, 0, nil)
    }

    /// `slot`'s begin and end ticks; valid once its fence has signalled.
    func ticks(slot: Int) -> (begin: UInt64, end: UInt64) {
        (values[2 * slot], values[2 * slot + 1])
    }

    func destroy() {
        functions.destroyBuffer(device, buffer, nil)
        if memory != nil { functions.unmapMemory(device, memory) }
        functions.freeMemory(device, memory, nil)
        (buffer, memory) = (nil, nil)
    }
}
