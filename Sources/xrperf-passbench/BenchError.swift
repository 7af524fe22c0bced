import COpenXR
import XrPerfVulkan

/// Why the benchmark could not run; printed on standard error, exit status 1.
enum BenchError: Error, CustomStringConvertible {
    case vulkan(String, VkResult)
    case unsupported(String)
    case pass(PassFailure)

    var description: String {
        switch self {
        case .vulkan(let call, let result): "\(call) failed (VkResult \(result.rawValue))"
        case .unsupported(let why): why
        case .pass(let failure): "the upscaling pass: \(failure)"
        }
    }
}

func vkCheck(_ result: VkResult, _ call: String) throws(BenchError) {
    guard result == VK_SUCCESS else { throw .vulkan(call, result) }
}
