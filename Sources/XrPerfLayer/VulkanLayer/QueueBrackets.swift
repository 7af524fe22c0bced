import COpenXR
import Synchronization
import XrPerfVulkan

/// Which queues belong to an OpenXR session whose GPU time the layer takes,
/// with their submission brackets: the Vulkan layer's vkQueueSubmit looks
/// its queue up here (a scan of the few live sessions). A queue of no
/// session passes through untouched.
enum QueueBrackets {
    private struct Entry: @unchecked Sendable {  // a handle and a Sendable class
        var queue: VkQueue
        var brackets: SubmissionBrackets
    }

    private static let entries = Mutex<[Entry]>([])

    /// Whether the Vulkan layer has seen a device: only then do the app's
    /// submissions reach it, and brackets are worth registering.
    static func register(queue: VkQueue, device: VkDevice, brackets: SubmissionBrackets) -> Bool {
        guard VulkanDispatch.device(device) != nil else { return false }
        entries.withLock { $0.append(Entry(queue: queue, brackets: brackets)) }
        return true
    }

    /// Before the brackets are destroyed: no submission reaches them after this returns.
    static func unregister(_ brackets: SubmissionBrackets) {
        entries.withLock { list in list.removeAll { $0.brackets === brackets } }
    }

    /// The brackets of `queue`'s session, if any. The reference keeps their
    /// scratch arrays alive through the caller's submission even if the
    /// session closes meanwhile; the lock is not held across the call down.
    static func brackets(of queue: VkQueue) -> SubmissionBrackets? {
        entries.withLock { list in list.first { $0.queue == queue }?.brackets }
    }
}
