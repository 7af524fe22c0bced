/// How an app image of one size maps onto the runtime image of another: the
/// layer's swapchain substitution and its pass agree on this one mapping.
public struct UpscaleGeometry: Sendable, Equatable {
    public let appWidth: UInt32
    public let appHeight: UInt32
    public let runtimeWidth: UInt32
    public let runtimeHeight: UInt32

    public init(appWidth: UInt32, appHeight: UInt32, runtimeWidth: UInt32, runtimeHeight: UInt32) {
        self.appWidth = max(appWidth, 1)
        self.appHeight = max(appHeight, 1)
        self.runtimeWidth = max(runtimeWidth, 1)
        self.runtimeHeight = max(runtimeHeight, 1)
    }

    /// The runtime image for an app image rendered at `scale`: the app size
    /// divided by the scale, never smaller than the app's and at most `limit`.
    public init(appWidth: UInt32, appHeight: UInt32, scale: RenderScale, limitWidth: UInt32, limitHeight: UInt32) {
        func grown(_ size: UInt32, _ factor: Double, _ limit: UInt32) -> UInt32 {
            guard factor.isFinite, factor > 0, factor < 1 else { return size }
            return max(size, min(max(limit, size), UInt32((Double(size) / factor).rounded())))
        }
        self.init(appWidth: appWidth, appHeight: appHeight,
                  runtimeWidth: grown(appWidth, scale.x, limitWidth), runtimeHeight: grown(appHeight, scale.y, limitHeight))
    }

    /// Where a rect of the app image lands in the runtime image. Edges are
    /// mapped, not sizes, so rects that tile the app image (side-by-side
    /// eyes) tile the runtime image too, with no gap or overlap.
    public func runtimeRect(for rect: PixelRect) -> PixelRect {
        func edge(_ value: Int32, _ to: UInt32, _ from: UInt32) -> Int32 {
            Int32(clamping: (Int64(value) * Int64(to) + Int64(from) / 2) / Int64(from))
        }
        let left = edge(rect.x, runtimeWidth, appWidth)
        let top = edge(rect.y, runtimeHeight, appHeight)
        let right = edge(rect.x + rect.width, runtimeWidth, appWidth)
        let bottom = edge(rect.y + rect.height, runtimeHeight, appHeight)
        return PixelRect(x: left, y: top, width: max(1, right - left), height: max(1, bottom - top))
    }
}
