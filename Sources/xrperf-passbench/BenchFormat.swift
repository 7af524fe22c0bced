import ArgumentParser
import XrPerfCore

/// The swapchain formats measured: the common UNORM one, and sRGB, where the
/// pass encodes itself through a UNORM storage view of a mutable-format image.
enum BenchFormat: String, CaseIterable, ExpressibleByArgument {
    case unorm
    case srgb

    var upscaleFormat: UpscaleFormat {
        // Both numbers are formats UpscaleFormat handles.
        switch self {
        case .unorm: UpscaleFormat(vulkanFormat: UpscaleFormat.r8g8b8a8Unorm)!
        case .srgb: UpscaleFormat(vulkanFormat: UpscaleFormat.r8g8b8a8SRGB)!
        }
    }

    var vulkanName: String {
        switch self {
        case .unorm: "R8G8B8A8_UNORM"
        case .srgb: "R8G8B8A8_SRGB"
        }
    }
}
