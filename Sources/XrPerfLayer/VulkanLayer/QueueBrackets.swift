import COpenXR
import Synchronization
import XrPerfVulkan

/// Which queues belong to an OpenXR session whose GPU time the layer takes,
/// with their submission brackets and the next link's vkQueueSubmit: the
/// Vulkan layer's vkQueueSubmit finds all it needs for such a queue in one
/// scan of the few live sessions. A queue of no session passes through
/// untouched.
enum QueueBrackets {
    struct Route: @unchecked Sendable {  // a handle, a function pointer and a Sendable class
        var queue: VkQueue
        var submit: PFN_vkQueueSubmit
        var brackets: SubmissionBrackets
    }

    private static let routes = Mutex<[Route]>([])

    /// Whether the Vulkan layer has seen `device`: only then do the app's
    /// submissions reach it, and brackets are worth making.
    static func canBracket(device: VkDevice) -> Bool {
        VulkanDispatch.device(device)?.queueSubmit != nil
    }

    /// False when the Vulkan layer has no next vkQueueSubmit for the queue's device.
    static func register(queue: VkQueue, brackets: SubmissionBrackets) -> Bool {
        guard let submit = VulkanDispatch.device(queue)?.queueSubmit else { return false }
        routes.withLock { $0.append(Route(queue: queue, submit: submit, brackets: brackets)) }
        return true
    }

    /// Before the brackets are destroyed: no submission reaches them after this returns.
    static func unregister(_ brackets: SubmissionBrackets) {
        routes.withLock { list in list.removeAll { $0.brackets === brackets } }
    }

    /// The route of `queue`'s session, if any. The reference keeps the
    /// brackets' scratch arrays alive through the caller's submission even
    /// if the session closes meanwhile; the lock is not held across the call down.
    static func route(of queue: VkQueue) -> Route? {
        routes.withLock { list in list.first { $0.queue == queue } }
    }
}
