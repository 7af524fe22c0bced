import COpenXR
import Glibc

/// Vulkan reached at run time: the layer must load into apps that use no
/// Vulkan at all, so it never links libvulkan. An app with a Vulkan session
/// has the loader mapped already; RTLD_NOLOAD finds that copy first.
public enum VulkanLibrary {
    public static func instanceProcAddr() -> PFN_vkGetInstanceProcAddr? {
        let handle = dlopen("libvulkan.so.1", RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD)
            ?? dlopen("libvulkan.so.1", RTLD_NOW | RTLD_LOCAL)
        guard let handle, let symbol = dlsym(handle, "vkGetInstanceProcAddr") else { return nil }
        return unsafeBitCast(symbol, to: PFN_vkGetInstanceProcAddr.self)
    }
}
