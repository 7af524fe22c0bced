import COpenXR

/// --frame-log: the app's own GPU time of each frame, from two timestamps in
/// the frame's own command buffer (TOP_OF_PIPE first, BOTTOM_OF_PIPE last),
/// two queries per slot of ComputeLoad's ring. A slot's queries are read once
/// its fence has signalled, when the ring comes round to it again or at the
/// end of the run; nothing waits for them in between.
final class FrameTimestamps {
    /// A finished frame's GPU time.
    struct Measurement {
        /// The frame's index in submit order (the frame log's `frame`).
        var frame: UInt64
        var nanoseconds: UInt64
    }

    private let device: VkDevice
    private let pool: VkQueryPool
    /// Nanoseconds per tick (VkPhysicalDeviceLimits::timestampPeriod).
    private let period: Double
    /// The bits of a timestamp that count (the queue family's timestampValidBits).
    private let mask: UInt64
    /// Per slot: the frame whose timestamps it holds and that has not been read yet.
    private var pending: [UInt64?]
    /// Both timestamps of one read; allocated once.
    private let results: UnsafeMutablePointer<UInt64>

    /// Only for a queue that writes timestamps (`vulkan.timestampValidBits`
    /// above 0); without, the frame log has no GPU times.
    init(vulkan: VulkanDevice, slots: Int) throws(LoadgenError) {
        device = vulkan.device
        period = Double(vulkan.timestampPeriod)
        mask = vulkan.timestampValidBits >= 64 ? UInt64.max : (UInt64(1) << vulkan.timestampValidBits) - 1
        pending = Array(repeating: nil, count: slots)
        var info = VkQueryPoolCreateInfo()
        info.sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO
        info.queryType = VK_QUERY_TYPE_TIMESTAMP
        info.queryCount = UInt32(2 * slots)
        var pool: VkQueryPool?
        let result = vkCreateQueryPool(vulkan.device, &info, nil, &pool)
        guard result == VK_SUCCESS, let pool else { throw .vulkan(call: "vkCreateQueryPool", result: result) }
        self.pool = pool
        results = .allocate(capacity: 2)
    }

    /// First in the slot's command buffer: the reset (outside any render
    /// pass, as the spec requires) and the TOP_OF_PIPE timestamp.
    func recordStart(_ commands: VkCommandBuffer?, slot: Int) {
        vkCmdResetQueryPool(commands, pool, UInt32(2 * slot), 2)
        vkCmdWriteTimestamp(commands, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, pool, UInt32(2 * slot))
    }

    /// Last in the slot's command buffer: the BOTTOM_OF_PIPE timestamp.
    func recordEnd(_ commands: VkCommandBuffer?, slot: Int, frame: UInt64) {
        vkCmdWriteTimestamp(commands, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, pool, UInt32(2 * slot + 1))
        pending[slot] = frame
    }

    /// The GPU time of the frame the slot held, if not read yet. Call only
    /// once the slot's fence has signalled (the results are there then).
    func read(slot: Int) throws(LoadgenError) -> Measurement? {
        guard let frame = pending[slot] else { return nil }
        pending[slot] = nil
        let flags = VK_QUERY_RESULT_64_BIT.rawValue | VK_QUERY_RESULT_WAIT_BIT.rawValue
        try vkCheck(vkGetQueryPoolResults(device, pool, UInt32(2 * slot), 2, 2 * MemoryLayout<UInt64>.size,
                                          results, VkDeviceSize(MemoryLayout<UInt64>.size), flags),
                    "vkGetQueryPoolResults")
        // Only the valid bits count; the difference wraps within them.
        let ticks = ((results[1] & mask) &- (results[0] & mask)) & mask
        return Measurement(frame: frame, nanoseconds: UInt64((Double(ticks) * period).rounded()))
    }

    func destroy() {
        vkDestroyQueryPool(device, pool, nil)
        results.deallocate()
    }
}
