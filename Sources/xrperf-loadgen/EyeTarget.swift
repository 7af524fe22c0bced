import COpenXR

/// Where one eye renders and what its projection view submits: a swapchain
/// of the session's list, the array layer, and the imageRect.
struct EyeTarget {
    let swapchainIndex: Int
    let arrayIndex: UInt32
    /// The full rect: what the eye submits at render scale 1.
    let rect: XrRect2Di
    /// What this frame renders and submits: the full rect, or a smaller one
    /// at its origin when the layer recommends a lower resolution
    /// (--dynamic-resolution).
    var rendered: XrExtent2Di

    var renderRect: XrRect2Di { XrRect2Di(offset: rect.offset, extent: rendered) }

    var pixelCount: Int { Int(rendered.width) * Int(rendered.height) }

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
        rendered = rect.extent
        self.swapchainIndex = swapchainIndex
        self.arrayIndex = arrayIndex
    }

    /// The image this eye needs: at least the recommended size, grown so the rect fits.
    static func imageSize(for view: XrViewConfigurationView, rect: XrRect2Di) -> (width: UInt32, height: UInt32) {
        (max(view.recommendedImageRectWidth, UInt32(rect.offset.x + rect.extent.width)),
         max(view.recommendedImageRectHeight, UInt32(rect.offset.y + rect.extent.height)))
    }

    /// Renders `extent` this frame, never more than the full rect.
    mutating func render(_ extent: XrExtent2Di) {
        rendered = XrExtent2Di(width: min(max(extent.width, 1), rect.extent.width),
                               height: min(max(extent.height, 1), rect.extent.height))
    }
}
