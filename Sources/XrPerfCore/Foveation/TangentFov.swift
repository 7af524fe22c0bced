/// A view's field of view as the tangents of its four angles (OpenXR's
/// XrFovf after tan): left and down are negative for a view that contains its
/// axis. Projection is linear in tangents, so sub-frusta and their pixel
/// rectangles are plain interpolation here; the layer converts with tan/atan
/// at the edge.
public struct TangentFov: Sendable, Equatable {
    public var left: Double
    public var right: Double
    public var up: Double
    public var down: Double

    public init(left: Double, right: Double, up: Double, down: Double) {
        self.left = left
        self.right = right
        self.up = up
        self.down = down
    }

    public var width: Double { right - left }
    public var height: Double { up - down }

    /// Whether the four values describe a usable view (finite, positive extent).
    public var isUsable: Bool {
        left.isFinite && right.isFinite && up.isFinite && down.isFinite && width > 0 && height > 0
    }
}

/// A point in a view's tangent plane: x to the right, y up.
public struct TangentPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
