import COpenXR

/// Why the app gave up: a failed OpenXR or Vulkan call, something the
/// runtime or device does not offer, or a file it cannot write. Printed as
/// one line before exit 1.
enum LoadgenError: Error, CustomStringConvertible {
    case openXR(call: String, result: XrResult, name: String)
    case vulkan(call: String, result: VkResult)
    case unsupported(String)
    /// A file the app was asked to write (--frame-log) cannot be.
    case file(String)

    var description: String {
        switch self {
        case .openXR(let call, let result, let name): "\(call) failed: \(name) (\(result.rawValue))"
        case .vulkan(let call, let result): "\(call) failed: VkResult \(result.rawValue)"
        case .unsupported(let what): what
        case .file(let what): what
        }
    }
}

/// Throws for a failed OpenXR result; success codes (XR_SESSION_LOSS_PENDING,
/// XR_FRAME_DISCARDED...) pass. `instance` lets the runtime name the result.
func xrCheck(_ result: XrResult, _ call: String, instance: XrInstance? = nil) throws(LoadgenError) {
    guard xrperf_failed(result) != 0 else { return }
    var name = "XrResult"
    if let instance {
        var buffer = [CChar](repeating: 0, count: Int(XR_MAX_RESULT_STRING_SIZE))
        if xrResultToString(instance, result, &buffer) == XR_SUCCESS {
            name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
    throw .openXR(call: call, result: result, name: name)
}

func vkCheck(_ result: VkResult, _ call: String) throws(LoadgenError) {
    guard result == VK_SUCCESS else { throw .vulkan(call: call, result: result) }
}
