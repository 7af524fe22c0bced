import COpenXR

/// Where one eye renders and what its projection view submits: a swapchain
/// of the session's list, the array layer, and the imageRect.
struct EyeTarget {
    let swapchainIndex: Int
    let arrayIndex: UInt32
    let rect: XrRect2Di

    var pixelCount: Int { Int(rect.extent.width) * Int(rect.extent.height) }

    /// `size` × `scale`, at least 1 pixel and at most the runtime's maximum.
    static func scaled(_ size: UInt32, _ scale: Double, limit: UInt32) -> UInt32 {
        UInt32(min(Double(max(limit, 1)), max(1, (Double(size) * scale).rounded())))
    }

    /// The eye's rect: the recommended size times `scale`, at `offset`.
    init(view: XrViewConfigurationView, scale: Double, offset: RectOffset, swapchainIndex: Int, arrayIndex: UInt32) {
        let width = Self.scaled(view.recommendedImageRectWidth, scale, limit: view.maxImageRectWidth)
        let height = Self.scaled(view.recommendedImageRectHeight, scale, limit: view.maxImageRectHeight)
        rect = XrRect2Di(offset: XrOffset2Di(x: offset.x, y: offset.y),
                         extent: XrExtent2Di(width: Int32(width), height: Int32(height)))
        self.swapchainIndex = swapchainIndex
        self.arrayIndex = arrayIndex
    }

    /// The image this eye needs: at least the recommended size, grown so the rect fits.
    static func imageSize(for view: XrViewConfigurationView, rect: XrRect2Di) -> (width: UInt32, height: UInt32) {
        (max(view.recommendedImageRectWidth, UInt32(rect.offset.x + rect.extent.width)),
         max(view.recommendedImageRectHeight, UInt32(rect.offset.y + rect.extent.height)))
    }
}
