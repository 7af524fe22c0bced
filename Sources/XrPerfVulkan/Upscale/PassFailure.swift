import COpenXR

/// Why a pass could not be set up or run; the layer logs it once and passes
/// the affected frames through.
public enum PassFailure: Error, CustomStringConvertible {
    case noVulkanLoader
    case missingFunction(String)
    case unsupported(String)
    case vulkan(String, VkResult)

    public var description: String {
        switch self {
        case .noVulkanLoader: "libvulkan.so.1 could not be loaded"
        case .missingFunction(let name): "the Vulkan device lacks \(name)"
        case .unsupported(let why): why
        case .vulkan(let call, let result): "\(call) failed (VkResult \(result.rawValue))"
        }
    }
}

@inline(__always)
func check(_ result: VkResult, _ call: String) throws(PassFailure) {
    guard result == VK_SUCCESS else { throw .vulkan(call, result) }
}
