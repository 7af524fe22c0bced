import COpenXR
import XrPerfVulkan

/// The Vulkan graphics binding in an xrCreateSession `next` chain
/// (XR_KHR_vulkan_enable and _enable2 share the structure and its type), or
/// nil for other graphics APIs and headless sessions. Only reads the chain;
/// it is passed down untouched.
func vulkanBinding(in chain: UnsafeRawPointer?) -> GpuFrameTimer.Binding? {
    var link = chain
    var depth = 0
    while let current = link, depth < 64 {
        let header = current.assumingMemoryBound(to: XrBaseInStructure.self).pointee
        if header.type == XR_TYPE_GRAPHICS_BINDING_VULKAN_KHR {
            let binding = current.assumingMemoryBound(to: XrGraphicsBindingVulkanKHR.self).pointee
            guard let instance = binding.instance, let physicalDevice = binding.physicalDevice,
                  let device = binding.device else { return nil }
            return GpuFrameTimer.Binding(instance: instance, physicalDevice: physicalDevice, device: device,
                                         queueFamilyIndex: binding.queueFamilyIndex, queueIndex: binding.queueIndex)
        }
        link = UnsafeRawPointer(header.next)
        depth += 1
    }
    return nil
}
