import COpenXR
import XrPerfCore

extension PixelRect {
    /// An OpenXR image rect as the passes' geometry takes it.
    init(_ rect: XrRect2Di) {
        self.init(x: rect.offset.x, y: rect.offset.y, width: rect.extent.width, height: rect.extent.height)
    }
}
