import COpenXR
import XrPerfCore

/// App GPU time per frame from timestamps written on the app's own queue: one
/// at xrBeginFrame, before the app's work of the frame, and one at xrEndFrame,
/// after it; where xrperf's Vulkan layer sees the app's submissions, the
/// GPU's busy time over them instead (SubmissionBrackets), and the span
/// between the two only for frames whose submissions could not all be timed. Both are bottom of pipe: a top-of-pipe timestamp may be written
/// as soon as earlier commands have started, so while the GPU still runs the
/// previous frame (apps and runtimes overlap one) that frame's tail would be
/// counted in this one. The spec lets the runtime, and so
/// a layer, use that queue inside those two calls. Slots form a ring sized for
/// frames in flight; a slot is read back without waiting once its fence has
/// signalled (the end command buffer copies both timestamps into host
/// memory, see TimestampReadback), and a frame whose slot is still busy is
/// simply not timed.
public final class GpuFrameTimer: @unchecked Sendable {
    public static let slotCount = 4

    public struct Binding {
        public var instance: VkInstance
        public var physicalDevice: VkPhysicalDevice
        public var device: VkDevice
        public var queueFamilyIndex: UInt32
        public var queueIndex: UInt32

        public init(instance: VkInstance, physicalDevice: VkPhysicalDevice, device: VkDevice,
                    queueFamilyIndex: UInt32, queueIndex: UInt32) {
            self.instance = instance
            self.physicalDevice = physicalDevice
            self.device = device
            self.queueFamilyIndex = queueFamilyIndex
            self.queueIndex = queueIndex
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case noVulkanLoader
        case missingFunctions
        case noTimestamps(String)
        case vulkan(String, VkResult)

        public var description: String {
            switch self {
            case .noVulkanLoader: "libvulkan.so.1 could not be loaded"
            case .missingFunctions: "the Vulkan device lacks functions xrperf needs"
            case .noTimestamps(let why): "no GPU timestamps: \(why)"
            case .vulkan(let call, let result): "\(call) failed (VkResult \(result.rawValue))"
            }
        }
    }

    private enum SlotState {
        case idle
        case begun(frame: UInt64)
        case submitted(frame: UInt64)
    }

    public let deviceName: String
    public let timestampPeriod: Float
    public let validBits: UInt32
    private let functions: VulkanDeviceFunctions
    private let device: VkDevice
    /// The app's queue, whose submissions the Vulkan layer brackets.
    public let queue: VkQueue
    /// nil when the brackets could not be made: frames are timed by their span.
    public private(set) var brackets: SubmissionBrackets?
    private let queryPool: VkQueryPool
    private let commandPool: VkCommandPool
    private var beginCommands: [VkCommandBuffer?]
    private var endCommands: [VkCommandBuffer?]
    private var fences: [VkFence?]
    private var slots: [SlotState]
    private var readback: TimestampReadback?

    /// `bracketing`: xrperf's Vulkan layer sees the app's submissions on
    /// this device, so they can be bracketed (else no brackets are made).
    public init(binding: Binding, bracketing: Bool) throws(Failure) {
        guard let getInstanceProcAddr = VulkanLibrary.instanceProcAddr() else { throw .noVulkanLoader }
        guard let functions = VulkanDeviceFunctions(instance: binding.instance, device: binding.device,
                                                    getInstanceProcAddr: getInstanceProcAddr)
        else { throw .missingFunctions }
        self.functions = functions
        device = binding.device

        var properties = VkPhysicalDeviceProperties()
        functions.getPhysicalDeviceProperties(binding.physicalDevice, &properties)
        deviceName = withUnsafeBytes(of: properties.deviceName) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        timestampPeriod = properties.limits.timestampPeriod
        var familyCount: UInt32 = 0
        functions.getPhysicalDeviceQueueFamilyProperties(binding.physicalDevice, &familyCount, nil)
        var families = [VkQueueFamilyProperties](repeating: VkQueueFamilyProperties(), count: Int(familyCount))
        functions.getPhysicalDeviceQueueFamilyProperties(binding.physicalDevice, &familyCount, &families)
        guard binding.queueFamilyIndex < familyCount else {
            throw .noTimestamps("queue family \(binding.queueFamilyIndex) does not exist")
        }
        validBits = families[Int(binding.queueFamilyIndex)].timestampValidBits
        guard validBits > 0 else { throw .noTimestamps("the app's queue family has no valid timestamp bits") }
        guard timestampPeriod > 0 else { throw .noTimestamps("timestampPeriod is 0") }

        var queue: VkQueue?
        functions.getDeviceQueue(binding.device, binding.queueFamilyIndex, binding.queueIndex, &queue)
        guard let queue else { throw .noTimestamps("the app's queue could not be obtained") }
        self.queue = queue

        var poolInfo = VkQueryPoolCreateInfo()
        poolInfo.sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO
        poolInfo.queryType = VK_QUERY_TYPE_TIMESTAMP
        poolInfo.queryCount = UInt32(2 * Self.slotCount)
        var queryPool: VkQueryPool?
        var result = functions.createQueryPool(binding.device, &poolInfo, nil, &queryPool)
        guard result == VK_SUCCESS, let queryPool else { throw .vulkan("vkCreateQueryPool", result) }
        self.queryPool = queryPool

        var commandPoolInfo = VkCommandPoolCreateInfo()
        commandPoolInfo.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO
        commandPoolInfo.queueFamilyIndex = binding.queueFamilyIndex
        var commandPool: VkCommandPool?
        result = functions.createCommandPool(binding.device, &commandPoolInfo, nil, &commandPool)
        guard result == VK_SUCCESS, let commandPool else {
            functions.destroyQueryPool(binding.device, queryPool, nil)
            throw .vulkan("vkCreateCommandPool", result)
        }
        self.commandPool = commandPool
        do {
            readback = try TimestampReadback(functions: functions, device: binding.device,
                                             physicalDevice: binding.physicalDevice, slots: Self.slotCount)
        } catch {
            functions.destroyCommandPool(binding.device, commandPool, nil)
            functions.destroyQueryPool(binding.device, queryPool, nil)
            throw .noTimestamps(error.description)
        }
        beginCommands = Array(repeating: nil, count: Self.slotCount)
        endCommands = Array(repeating: nil, count: Self.slotCount)
        fences = Array(repeating: nil, count: Self.slotCount)
        slots = Array(repeating: .idle, count: Self.slotCount)
        do throws(Failure) {
            try recordCommands()
        } catch {
            destroyObjects()
            throw error
        }
        guard bracketing else { return }
        do {
            brackets = try SubmissionBrackets(functions: functions, device: binding.device,
                                              physicalDevice: binding.physicalDevice,
                                              queueFamilyIndex: binding.queueFamilyIndex, slots: Self.slotCount)
        } catch {
            bracketFailure = error.description
        }
    }

    /// Why brackets that were asked for could not be made, for the session's log.
    public private(set) var bracketFailure: String?

    /// The timestamps never change, so the command buffers are recorded once
    /// and resubmitted: nothing is recorded or allocated per frame.
    private func recordCommands() throws(Failure) {
        try functions.allocatePrimaryCommandBuffers(&beginCommands, device: device, pool: commandPool)
        try functions.allocatePrimaryCommandBuffers(&endCommands, device: device, pool: commandPool)

        var beginInfo = VkCommandBufferBeginInfo()
        beginInfo.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO
        // A frame that begins but is never ended (discarded) leaves its begin
        // submission unfenced; the slot's next use may resubmit it meanwhile.
        var simultaneousInfo = beginInfo
        simultaneousInfo.flags = VkCommandBufferUsageFlags(VK_COMMAND_BUFFER_USAGE_SIMULTANEOUS_USE_BIT.rawValue)
        for slot in 0..<Self.slotCount {
            let first = UInt32(2 * slot)
            guard let begin = beginCommands[slot], let end = endCommands[slot] else {
                throw .vulkan("vkAllocateCommandBuffers", VK_ERROR_OUT_OF_HOST_MEMORY)
            }
            try functions.recordTimestampPair(start: begin, startInfo: simultaneousInfo, end: end, endInfo: beginInfo,
                                              pool: queryPool, first: first, readback: readback, slot: slot)

            var fenceInfo = VkFenceCreateInfo()
            fenceInfo.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO
            var fence: VkFence?
            let result = functions.createFence(device, &fenceInfo, nil, &fence)
            guard result == VK_SUCCESS else { throw .vulkan("vkCreateFence", result) }
            fences[slot] = fence
        }
    }

    /// xrBeginFrame: writes the frame's first timestamp. Returns false when
    /// the frame cannot be timed (its slot is still in flight).
    public func frameBegan(_ frame: UInt64) throws(Failure) -> Bool {
        let slot = Int(frame % UInt64(Self.slotCount))
        switch slots[slot] {
        case .submitted:
            return false  // collect() has not seen its fence signal yet
        case .begun, .idle:
            break
        }
        guard let command = beginCommands[slot] else { return false }
        // The brackets' empty pair rides along: what our own command
        // buffers add to each bracket, measured under this frame's load.
        try submit(command, then: brackets?.emptyPair(slot: slot, frame: frame), fence: nil)
        slots[slot] = .begun(frame: frame)
        brackets?.open(slot: slot)
        return true
    }

    /// xrEndFrame, before the call down: writes the frame's last timestamp
    /// behind all the work the app submitted for it.
    public func frameEnding(_ frame: UInt64) throws(Failure) {
        let slot = Int(frame % UInt64(Self.slotCount))
        brackets?.close()
        guard case .begun(let begun) = slots[slot], begun == frame,
              let command = endCommands[slot], let fence = fences[slot] else { return }
        var fences: VkFence? = fence
        let result = functions.resetFences(device, 1, &fences)
        guard result == VK_SUCCESS else { throw .vulkan("vkResetFences", result) }
        try submit(command, fence: fence)
        slots[slot] = .submitted(frame: frame)
    }

    /// Hands over every frame whose timestamps are back: its GPU time (nil
    /// when the values were unusable) and whether that is the busy time over
    /// its submissions (else the span). Never waits: the values are read from
    /// host memory the slot's own submission wrote.
    public func collect(_ deliver: (UInt64, Int64?, Bool) -> Void) throws(Failure) {
        for slot in 0..<Self.slotCount {
            guard case .submitted(let frame) = slots[slot], let fence = fences[slot] else { continue }
            let status = functions.getFenceStatus(device, fence)
            if status == VK_NOT_READY { continue }
            guard status == VK_SUCCESS else { throw .vulkan("vkGetFenceStatus", status) }
            slots[slot] = .idle
            if let busy = brackets?.busyNanoseconds(slot: slot, validBits: validBits, period: timestampPeriod) {
                deliver(frame, busy, true)
                continue
            }
            guard let ticks = readback?.ticks(slot: slot) else {
                deliver(frame, nil, false)
                continue
            }
            deliver(frame, TimestampMath.nanoseconds(begin: ticks.begin, end: ticks.end, validBits: validBits,
                                                    period: timestampPeriod), false)
        }
    }

    /// Waits (bounded: one second) for every submitted timestamp, so that a
    /// last collect() sees them all.
    public func waitForSubmitted() {
        var inFlight: [VkFence?] = []
        for slot in 0..<Self.slotCount {
            if case .submitted = slots[slot], let fence = fences[slot] { inFlight.append(fence) }
        }
        if !inFlight.isEmpty {
            _ = functions.waitForFences(device, UInt32(inFlight.count), &inFlight, VkBool32(VK_TRUE), 1_000_000_000)
        }
    }

    /// Frees everything once nothing is in flight. Called when the session
    /// ends, while the app's VkDevice still exists (it must outlive the session).
    public func shutdown() {
        waitForSubmitted()
        destroyObjects()
    }

    private func destroyObjects() {
        for case let fence? in fences { functions.destroyFence(device, fence, nil) }
        fences = Array(repeating: nil, count: Self.slotCount)
        functions.destroyCommandPool(device, commandPool, nil)
        functions.destroyQueryPool(device, queryPool, nil)
        readback?.destroy()
        readback = nil
        brackets?.destroy()
        brackets = nil
    }

    /// One batch: `command`, then `pair` if given. No array: this runs in
    /// every frame's hooks.
    private func submit(_ command: VkCommandBuffer, then pair: (start: VkCommandBuffer, end: VkCommandBuffer)? = nil,
                        fence: VkFence?) throws(Failure) {
        let result = withUnsafeTemporaryAllocation(of: VkCommandBuffer?.self, capacity: 3) { buffers in
            buffers[0] = command
            var count: UInt32 = 1
            if let pair {
                buffers[1] = pair.start
                buffers[2] = pair.end
                count = 3
            }
            var submitInfo = VkSubmitInfo()
            submitInfo.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO
            submitInfo.commandBufferCount = count
            submitInfo.pCommandBuffers = UnsafePointer(buffers.baseAddress)
            return functions.queueSubmit(queue, 1, &submitInfo, fence)
        }
        guard result == VK_SUCCESS else { throw .vulkan("vkQueueSubmit", result) }
    }
}
