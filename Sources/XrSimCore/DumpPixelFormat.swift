/// The swapchain formats whose texels XrSim can write as 8-bit RGBA, by
/// VkFormat number (XrSimCore does not see the Vulkan headers).
public enum DumpPixelFormat: Equatable, Sendable {
    case rgba8
    case bgra8

    /// VK_FORMAT_R8G8B8A8_UNORM/SRGB and VK_FORMAT_B8G8R8A8_UNORM/SRGB. sRGB and
    /// UNORM store the same bytes; the dump keeps them as stored, unconverted.
    public init?(vkFormat: Int64) {
        switch vkFormat {
        case 37, 43: self = .rgba8
        case 44, 50: self = .bgra8
        default: return nil
        }
    }

    /// Reorders tightly packed texels of this format into R, G, B, A order in place.
    public func toRGBA(_ texels: inout [UInt8]) {
        guard self == .bgra8 else { return }
        var offset = 0
        while offset + 3 < texels.count {
            texels.swapAt(offset, offset + 2)
            offset += 4
        }
    }
}
