/// The swapchain formats the upscaling pass can write, by VkFormat number
/// (XrPerfCore has no Vulkan import). The destination is written through a
/// storage view of a plain format of the same size class, so an sRGB or BGRA
/// image needs a mutable-format runtime swapchain, and the pass encodes sRGB
/// or swaps channels itself.
public struct UpscaleFormat: Sendable, Equatable {
    public enum StorageClass: Sendable, Equatable {
        case rgba8
        case rgba16f
    }

    public let vulkanFormat: Int64
    public let storageClass: StorageClass
    public let isSRGB: Bool
    public let swapsRedAndBlue: Bool

    public static let r8g8b8a8Unorm: Int64 = 37
    public static let r8g8b8a8SRGB: Int64 = 43
    public static let b8g8r8a8Unorm: Int64 = 44
    public static let b8g8r8a8SRGB: Int64 = 50
    public static let r16g16b16a16Sfloat: Int64 = 97

    /// nil for a format the pass does not handle (the swapchain then passes
    /// through untouched).
    public init?(vulkanFormat: Int64) {
        self.vulkanFormat = vulkanFormat
        switch vulkanFormat {
        case Self.r8g8b8a8Unorm: (storageClass, isSRGB, swapsRedAndBlue) = (.rgba8, false, false)
        case Self.r8g8b8a8SRGB: (storageClass, isSRGB, swapsRedAndBlue) = (.rgba8, true, false)
        case Self.b8g8r8a8Unorm: (storageClass, isSRGB, swapsRedAndBlue) = (.rgba8, false, true)
        case Self.b8g8r8a8SRGB: (storageClass, isSRGB, swapsRedAndBlue) = (.rgba8, true, true)
        case Self.r16g16b16a16Sfloat: (storageClass, isSRGB, swapsRedAndBlue) = (.rgba16f, false, false)
        default: return nil
        }
    }

    /// The format of the view the pass writes through.
    public var storageViewFormat: Int64 {
        storageClass == .rgba8 ? Self.r8g8b8a8Unorm : Self.r16g16b16a16Sfloat
    }

    /// Whether the runtime image needs a view of another format than its own.
    public var needsMutableFormat: Bool { storageViewFormat != vulkanFormat }
}
