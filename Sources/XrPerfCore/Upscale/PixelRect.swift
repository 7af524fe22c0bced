/// A rectangle of pixels (an XrRect2Di), in an image of known size.
public struct PixelRect: Sendable, Equatable, CustomStringConvertible {
    public var x: Int32
    public var y: Int32
    public var width: Int32
    public var height: Int32

    public init(x: Int32, y: Int32, width: Int32, height: Int32) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Whether the rect is non-empty and lies inside a `width x height` image,
    /// the rule a runtime applies to a submitted imageRect.
    public func fits(width imageWidth: UInt32, height imageHeight: UInt32) -> Bool {
        guard x >= 0, y >= 0, width > 0, height > 0 else { return false }
        return Int64(x) + Int64(width) <= Int64(imageWidth) && Int64(y) + Int64(height) <= Int64(imageHeight)
    }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}
