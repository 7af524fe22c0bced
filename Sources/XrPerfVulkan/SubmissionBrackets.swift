import COpenXR
import Synchronization
import XrPerfCore

/// Timestamps around each of the app's own submissions on its queue, for
/// app GPU time as the GPU's busy time (GpuBusyTime). xrperf's Vulkan layer
/// sees the app's vkQueueSubmit calls and, while a frame is open (between the
/// layer's xrBeginFrame and xrEndFrame hooks), puts a pre-recorded command
/// buffer in front of the call's first batch and one after its last: both
/// write a bottom-of-pipe timestamp, and the second copies the pair to host
/// memory. Nothing is recorded or allocated per submission: the splice
/// reuses scratch arrays sized at creation.
///
/// Each slot also has an empty pair, the same two command buffers with
/// nothing between, that the frame timer submits at xrBeginFrame now and
/// then: what it reads is what our command buffers themselves add to a
/// bracket, taken off each (GpuBusyTime).
///
/// Threads: `open` and `close` come from the frame hooks, `splice` from
/// whichever thread submits; the frame's state is one atomic word. The
/// splice scratch belongs to the queue, whose submissions Vulkan requires
/// the app to serialise.
public final class SubmissionBrackets: @unchecked Sendable {  // scratch: the queue's submit order; the rest: `state` or the frame hooks
    /// Submissions timed per frame; a frame with more (or with a submission
    /// that cannot be spliced) falls back to the span from xrBeginFrame to
    /// xrEndFrame.
    public static let perFrame = 16
    /// Largest vkQueueSubmit spliced: batches, and command buffers in the
    /// first and last batch together.
    static let maxBatches = 32
    static let maxCommandBuffers = 256

    private let slots: Int
    private let functions: VulkanDeviceFunctions
    private let device: VkDevice
    private let queryPool: VkQueryPool
    private let commandPool: VkCommandPool
    private var readback: TimestampReadback?
    /// [slot * perFrame + i]: the i-th bracket of a slot.
    private var starts: [VkCommandBuffer?]
    private var ends: [VkCommandBuffer?]
    /// What the frame that last closed in each slot used.
    private var usedBrackets: [Int]
    private var complete: [Bool]
    /// The least the empty pairs have read this session (nil: none usable
    /// yet). The least, not the latest: a reading is only ever lengthened
    /// (the device's thread preempted on a software device, a GPU clocked
    /// down), and taking off more than our own part would hide app work.
    private var ownTicks: UInt64?
    /// Per slot: its empty pair ran with the frame now in it (its reading is new).
    private var emptyPairRan: [Bool]
    /// Only the least reading is kept, so a few frames settle it and one
    /// now and then (about every 0.7 s at 90 Hz) follows a device that got
    /// faster; each reading is two more command buffers on the app's queue.
    static let emptyPairFirstFrames: UInt64 = 8
    static let emptyPairEvery: UInt64 = 64

    /// open (bit 63), slot (bits 32...47), overflow (bit 16), brackets taken (bits 0...15).
    private let state = Atomic<UInt64>(0)
    private static let openBit: UInt64 = 1 << 63
    private static let overflowBit: UInt64 = 1 << 16

    private let infos: UnsafeMutablePointer<VkSubmitInfo>
    private let commands: UnsafeMutablePointer<VkCommandBuffer?>
    private var destroyed = false

    init(functions: VulkanDeviceFunctions, device: VkDevice, physicalDevice: VkPhysicalDevice,
         queueFamilyIndex: UInt32, slots: Int) throws(GpuFrameTimer.Failure) {
        self.functions = functions
        self.device = device
        self.slots = slots
        // The brackets, then one empty pair per slot.
        let pairs = slots * Self.perFrame + slots

        var poolInfo = VkQueryPoolCreateInfo()
        poolInfo.sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO
        poolInfo.queryType = VK_QUERY_TYPE_TIMESTAMP
        poolInfo.queryCount = UInt32(2 * pairs)
        var queryPool: VkQueryPool?
        var result = functions.createQueryPool(device, &poolInfo, nil, &queryPool)
        guard result == VK_SUCCESS, let queryPool else { throw .vulkan("vkCreateQueryPool", result) }
        self.queryPool = queryPool

        var commandPoolInfo = VkCommandPoolCreateInfo()
        commandPoolInfo.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO
        commandPoolInfo.queueFamilyIndex = queueFamilyIndex
        var commandPool: VkCommandPool?
        result = functions.createCommandPool(device, &commandPoolInfo, nil, &commandPool)
        guard result == VK_SUCCESS, let commandPool else {
            functions.destroyQueryPool(device, queryPool, nil)
            throw .vulkan("vkCreateCommandPool", result)
        }
        self.commandPool = commandPool
        starts = Array(repeating: nil, count: pairs)
        ends = Array(repeating: nil, count: pairs)
        usedBrackets = Array(repeating: 0, count: slots)
        complete = Array(repeating: false, count: slots)
        emptyPairRan = Array(repeating: false, count: slots)
        infos = .allocate(capacity: Self.maxBatches)
        commands = .allocate(capacity: Self.maxCommandBuffers)
        do {
            readback = try TimestampReadback(functions: functions, device: device, physicalDevice: physicalDevice,
                                             slots: pairs)
        } catch {
            destroy()
            throw .noTimestamps(error.description)
        }
        do throws(GpuFrameTimer.Failure) {
            try record(pairs: pairs)
        } catch {
            destroy()
            throw error
        }
    }

    private func record(pairs: Int) throws(GpuFrameTimer.Failure) {
        try functions.allocatePrimaryCommandBuffers(&starts, device: device, pool: commandPool)
        try functions.allocatePrimaryCommandBuffers(&ends, device: device, pool: commandPool)
        var beginInfo = VkCommandBufferBeginInfo()
        beginInfo.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO
        // A discarded frame never closes its slot with a fenced submission;
        // the slot's next frame may submit its brackets again meanwhile.
        beginInfo.flags = VkCommandBufferUsageFlags(VK_COMMAND_BUFFER_USAGE_SIMULTANEOUS_USE_BIT.rawValue)
        for pair in 0..<pairs {
            guard let start = starts[pair], let end = ends[pair] else {
                throw .vulkan("vkAllocateCommandBuffers", VK_ERROR_OUT_OF_HOST_MEMORY)
            }
            try functions.recordTimestampPair(start: start, startInfo: beginInfo, end: end, endInfo: beginInfo,
                                              pool: queryPool, first: UInt32(2 * pair), readback: readback, slot: pair)
        }
    }

    // MARK: - Frame hooks

    /// xrBeginFrame: the app's submissions from now on belong to `slot`.
    func open(slot: Int) {
        state.store(Self.openBit | UInt64(slot) << 32, ordering: .releasing)
    }

    /// The slot's empty pair when `frame` is one to measure our own part
    /// in, for the frame timer's xrBeginFrame submission.
    func emptyPair(slot: Int, frame: UInt64) -> (start: VkCommandBuffer, end: VkCommandBuffer)? {
        guard frame < Self.emptyPairFirstFrames || frame % Self.emptyPairEvery == 0, slot < slots,
              let start = starts[emptyPairIndex(slot)], let end = ends[emptyPairIndex(slot)] else { return nil }
        emptyPairRan[slot] = true
        return (start, end)
    }

    private func emptyPairIndex(_ slot: Int) -> Int { slots * Self.perFrame + slot }

    /// xrEndFrame, before the layer's own end timestamp: what the frame used.
    func close() {
        let last = state.exchange(0, ordering: .acquiringAndReleasing)
        guard last & Self.openBit != 0 else { return }
        let slot = Int((last >> 32) & 0xFFFF)
        guard slot < slots else { return }
        usedBrackets[slot] = Int(last & 0xFFFF)
        complete[slot] = last & Self.overflowBit == 0
    }

    /// A slot's frame whose timestamps are back (its fence signalled): the
    /// GPU's busy time over its submissions, or nil when the frame had none
    /// or one went untimed (then the span from begin to end stands).
    func busyNanoseconds(slot: Int, validBits: UInt32, period: Float) -> Int64? {
        guard slot < slots, let readback else { return nil }
        // The slot's empty pair ran before its frame's end, so it is back too.
        if emptyPairRan[slot],
           let own = GpuBusyTime.ownTicks(readback.ticks(slot: emptyPairIndex(slot)), validBits: validBits,
                                          period: period) {
            ownTicks = min(ownTicks ?? own, own)
        }
        emptyPairRan[slot] = false
        guard complete[slot], usedBrackets[slot] > 0 else { return nil }
        let first = slot * Self.perFrame
        return GpuBusyTime.nanoseconds(intervals: usedBrackets[slot], validBits: validBits, period: period,
                                       overhead: ownTicks ?? 0) {
            readback.ticks(slot: first + $0)
        }
    }

    // MARK: - The app's vkQueueSubmit

    /// The call's batches with the frame's next bracket around them, or nil
    /// to pass the call through unchanged: no frame open, or the call cannot
    /// be timed (the frame then falls back to its span). Valid until the next
    /// call on this queue.
    public func splice(_ submits: UnsafePointer<VkSubmitInfo>, count: Int) -> UnsafePointer<VkSubmitInfo>? {
        guard state.load(ordering: .acquiring) & Self.openBit != 0 else { return nil }
        let last = count - 1
        let firstCount = count > 0 ? Int(submits[0].commandBufferCount) : 0
        let lastCount = count > 1 ? Int(submits[last].commandBufferCount) : 0
        guard count > 0, count <= Self.maxBatches, firstCount + lastCount + 2 <= Self.maxCommandBuffers,
              Self.spliceable(submits[0]), Self.spliceable(submits[last])
        else {
            markUntimed()
            return nil
        }
        guard let pair = take() else { return nil }
        guard let start = starts[pair], let end = ends[pair] else { return nil }
        infos.update(from: submits, count: count)
        commands[0] = start
        var used = 1
        if let source = submits[0].pCommandBuffers, firstCount > 0 {
            (commands + used).update(from: source, count: firstCount)
            used += firstCount
        }
        if count == 1 {
            commands[used] = end
            infos[0].pCommandBuffers = UnsafePointer(commands)
            infos[0].commandBufferCount = UInt32(used + 1)
            return UnsafePointer(infos)
        }
        infos[0].pCommandBuffers = UnsafePointer(commands)
        infos[0].commandBufferCount = UInt32(used)
        let tail = commands + used
        if let source = submits[last].pCommandBuffers, lastCount > 0 { tail.update(from: source, count: lastCount) }
        tail[lastCount] = end
        infos[last].pCommandBuffers = UnsafePointer(tail)
        infos[last].commandBufferCount = UInt32(lastCount + 1)
        return UnsafePointer(infos)
    }

    /// A batch whose chained structs count its command buffers (device
    /// groups) or that is protected cannot take ours.
    private static func spliceable(_ info: VkSubmitInfo) -> Bool {
        var next = info.pNext
        while let header = next?.assumingMemoryBound(to: VkBaseInStructure.self) {
            switch header.pointee.sType {
            case VK_STRUCTURE_TYPE_DEVICE_GROUP_SUBMIT_INFO, VK_STRUCTURE_TYPE_PROTECTED_SUBMIT_INFO: return false
            default: next = UnsafeRawPointer(header.pointee.pNext)
            }
        }
        return true
    }

    /// The open frame's next bracket (global pair index), or nil when the
    /// frame has used them all (it is then marked untimed).
    private func take() -> Int? {
        var current = state.load(ordering: .relaxed)
        while current & Self.openBit != 0 {
            let taken = Int(current & 0xFFFF)
            let slot = Int((current >> 32) & 0xFFFF)
            let full = taken >= Self.perFrame || slot >= slots
            let next = full ? current | Self.overflowBit : current + 1
            let (exchanged, original) = state.compareExchange(expected: current, desired: next,
                                                              ordering: .acquiringAndReleasing)
            if exchanged { return full ? nil : slot * Self.perFrame + taken }
            current = original
        }
        return nil
    }

    /// A submission on the queue that cannot be bracketed (vkQueueSubmit2):
    /// the open frame falls back to its span.
    public func markUntimed() {
        var current = state.load(ordering: .relaxed)
        while current & Self.openBit != 0 {
            let (exchanged, original) = state.compareExchange(expected: current, desired: current | Self.overflowBit,
                                                              ordering: .acquiringAndReleasing)
            if exchanged { return }
            current = original
        }
    }

    /// Once nothing is in flight (the timer's fences have signalled).
    func destroy() {
        guard !destroyed else { return }
        destroyed = true
        functions.destroyCommandPool(device, commandPool, nil)
        functions.destroyQueryPool(device, queryPool, nil)
        readback?.destroy()
        readback = nil
    }

    /// Vulkan objects are left to `destroy`: at process exit the app's
    /// device may be gone already.
    deinit {
        infos.deallocate()
        commands.deallocate()
    }
}
