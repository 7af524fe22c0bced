import COpenXR
import Synchronization

/// The next link of each Vulkan instance and device the layer sits in,
/// found by dispatch key: the loader's dispatch table pointer stored at the
/// start of every dispatchable handle, which an instance shares with its
/// physical devices and a device with its queues and command buffers.
/// Written at creation and destruction only; read on every intercepted call
/// by a scan of a few entries under a short lock.
struct VulkanInstanceLink: @unchecked Sendable {  // handles and function pointers, immutable once made
    var key: UInt
    var instance: VkInstance
    var getInstanceProcAddr: PFN_vkGetInstanceProcAddr
    var destroyInstance: PFN_vkDestroyInstance?
}

struct VulkanDeviceLink: @unchecked Sendable {  // handles and function pointers, immutable once made
    var key: UInt
    var device: VkDevice
    var getDeviceProcAddr: PFN_vkGetDeviceProcAddr
    var destroyDevice: PFN_vkDestroyDevice?
    var queueSubmit: PFN_vkQueueSubmit?
    /// Vulkan 1.3 and VK_KHR_synchronization2, where the device has them.
    var queueSubmit2: PFN_vkQueueSubmit2?
    var queueSubmit2KHR: PFN_vkQueueSubmit2?
}

enum VulkanDispatch {
    static let instances = Mutex<[VulkanInstanceLink]>([])
    static let devices = Mutex<[VulkanDeviceLink]>([])

    /// The dispatch key of a dispatchable Vulkan handle.
    static func key(_ handle: OpaquePointer) -> UInt {
        UnsafeRawPointer(handle).load(as: UInt.self)
    }

    static func instance(_ handle: OpaquePointer?) -> VulkanInstanceLink? {
        guard let handle else { return nil }
        let key = key(handle)
        return instances.withLock { links in links.first { $0.key == key } }
    }

    static func device(_ handle: OpaquePointer?) -> VulkanDeviceLink? {
        guard let handle else { return nil }
        let key = key(handle)
        return devices.withLock { links in links.first { $0.key == key } }
    }
}
