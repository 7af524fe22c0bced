/// Where a focus view lands in its eye's image: the focus frustum's
/// rectangle in the pixels of the eye's target rectangle (image y grows
/// down, tangent y up), and the blend band in those pixels.
public struct FocusPlacementInImage: Sendable, Equatable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    /// nil when either view is unusable or the focus is not inside the eye's
    /// view at all (nothing to draw).
    public init?(eye: TangentFov, focus: TangentFov, target: PixelRect) {
        guard eye.isUsable, focus.isUsable, target.width > 0, target.height > 0 else { return nil }
        let width = Double(target.width)
        let height = Double(target.height)
        x0 = Double(target.x) + width * (focus.left - eye.left) / eye.width
        x1 = Double(target.x) + width * (focus.right - eye.left) / eye.width
        y0 = Double(target.y) + height * (eye.up - focus.up) / eye.height
        y1 = Double(target.y) + height * (eye.up - focus.down) / eye.height
        guard x1 > Double(target.x), x0 < Double(target.x) + width, y1 > Double(target.y), y0 < Double(target.y) + height
        else { return nil }
    }

    /// The blend band in pixels: `share` of the rectangle's smaller side.
    public func blendWidth(share: Double) -> Double {
        let side = min(x1 - x0, y1 - y0)
        return share.isFinite ? max(0, min(share, 0.5)) * side : 0
    }
}
