import COpenXR
import Glibc

/// A compositor cannot show a frame before the GPU has finished it. In
/// xrEndFrame (where XR_KHR_vulkan_enable lets the runtime use the app's
/// queue) XrSim puts a fence behind everything the app submitted for the
/// frame; xrWaitFrame waits for the fence of the frame two before the one it
/// starts (the app may record one frame while the GPU renders the previous,
/// as real runtimes allow) before it works out the display time. A GPU-bound
/// app therefore runs at its GPU's pace and misses display periods as on a
/// real runtime, instead of queueing GPU work without bound while its CPU
/// loop keeps the beat. Realtime clock only: the virtual clock never waits.
final class FrameGpuGate {
    private static let slots = 4
    private let device: VkDevice
    private let queue: VkQueue
    private var fences: [VkFence?] = Array(repeating: nil, count: slots)
    /// The ended frame (in end order) each slot's fence stands for.
    private var frameOfSlot: [Int] = Array(repeating: -1, count: slots)
    private var pending: [Bool] = Array(repeating: false, count: slots)
    private var ended = 0
    private var waited = 0

    init?(_ binding: VulkanBinding) {
        device = binding.device
        var queue: VkQueue?
        vkGetDeviceQueue(device, binding.queueFamilyIndex, binding.queueIndex, &queue)
        guard let queue else { return nil }
        self.queue = queue
        for index in fences.indices {
            var info = VkFenceCreateInfo()
            info.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO
            guard vkCreateFence(device, &info, nil, &fences[index]) == VK_SUCCESS else {
                destroy()
                return nil
            }
        }
    }

    /// xrEndFrame: a fence-only submission, signalled once all the work the
    /// app submitted so far has completed. A frame whose fence cannot be
    /// submitted goes ungated; nothing else depends on it.
    func frameEnded() {
        let slot = ended % Self.slots
        ended += 1
        guard let fence = fences[slot] else { return }
        // Four frames back and never waited for (frames discarded on the
        // way): it is long done, or the device is lost; bounded either way.
        if pending[slot] { wait(for: fence) }
        pending[slot] = false
        var reset: VkFence? = fence
        guard vkResetFences(device, 1, &reset) == VK_SUCCESS,
              vkQueueSubmit(queue, 0, nil, fence) == VK_SUCCESS else { return }
        frameOfSlot[slot] = ended - 1
        pending[slot] = true
    }

    /// xrWaitFrame, under the runtime's lock: the fence to wait for before
    /// this frame's timing, to be waited for outside the lock. xrWaitFrame
    /// only follows the previous frame's xrBeginFrame, which follows the
    /// end of the frame before, so that frame's fence is in.
    func takeForWait() -> VkFence? {
        let frame = waited - 2
        waited += 1
        guard frame >= 0 else { return nil }
        let slot = frame % Self.slots
        guard frameOfSlot[slot] == frame, pending[slot] else { return nil }
        pending[slot] = false
        return fences[slot]
    }

    /// Waits, bounded at one second: a lost device must not hang the app.
    func wait(for fence: VkFence) {
        var list: VkFence? = fence
        _ = vkWaitForFences(device, 1, &list, VkBool32(VK_TRUE), 1_000_000_000)
    }

    /// Session end: nothing of the gate may still be in flight.
    func destroy() {
        for index in fences.indices {
            guard let fence = fences[index] else { continue }
            if pending[index] { wait(for: fence) }
            vkDestroyFence(device, fence, nil)
            fences[index] = nil
            pending[index] = false
        }
    }
}
