/// How the upscaling pass writes the runtime's image.
public enum UpscalePassPath: String, Sendable, Equatable, CaseIterable {
    /// A draw into the image as a colour attachment: every runtime grants
    /// COLOR_ATTACHMENT on its swapchains, and an sRGB image is encoded by
    /// the attachment's format. The layer's default.
    case graphics
    /// A compute dispatch through a storage view: needs the runtime to grant
    /// UNORDERED_ACCESS (and MUTABLE_FORMAT for sRGB and BGRA images), which
    /// Monado 25 refuses on sRGB formats and upstream Monado ignores.
    case compute

    /// XR_SWAPCHAIN_USAGE_* bits the runtime's swapchain is created with
    /// for this path, given what the app asked for its own images
    /// (`appUsage`) and whether the format needs another view format.
    public func runtimeUsage(appUsage: UInt64, needsMutableFormat: Bool) -> UInt64 {
        let colourAttachment: UInt64 = 0x01, unorderedAccess: UInt64 = 0x04, mutableFormat: UInt64 = 0x40
        switch self {
        case .graphics:
            // Only the layer writes these images. A format list the app chained
            // stays valid only with the mutable bit it was asked with.
            return colourAttachment | (appUsage & mutableFormat)
        case .compute:
            return appUsage | unorderedAccess | (needsMutableFormat ? mutableFormat : 0)
        }
    }
}
