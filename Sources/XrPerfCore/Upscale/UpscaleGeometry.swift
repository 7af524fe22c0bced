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

    /// The runtime image for an app image rendered at `scale`, at most
    /// `limit`. An app image the size the layer told the app for a view
    /// (`RenderScale.scaled` of a recommended size, or a whole number of them
    /// side by side) maps back to exactly that recommended size: the runtime
    /// then composites the size it asked for. Any other size maps to the app
    /// size over the scale, rounded to a size that scales back to the app's.
    public init(appWidth: UInt32, appHeight: UInt32, scale: RenderScale, limitWidth: UInt32, limitHeight: UInt32,
                recommendedWidths: [UInt32] = [], recommendedHeights: [UInt32] = []) {
        self.init(appWidth: appWidth, appHeight: appHeight,
                  runtimeWidth: Self.grown(appWidth, scale.x, limitWidth, recommendedWidths),
                  runtimeHeight: Self.grown(appHeight, scale.y, limitHeight, recommendedHeights))
    }

    /// The runtime size for one axis (see the initialiser).
    static func grown(_ size: UInt32, _ factor: Double, _ limit: UInt32, _ recommended: [UInt32]) -> UInt32 {
        guard factor.isFinite, factor > 0, factor < 1, size > 0 else { return size }
        let bound = max(limit, size)
        for full in recommended where full > 0 {
            let told = RenderScale.scaled(full, by: factor, limit: full)
            // Side by side: two eyes in one image, or an app's own atlas.
            for count in UInt32(1)...4 where size == told * count {
                return max(size, min(bound, full * count))
            }
        }
        // Otherwise the app size over the scale, moved by a pixel where
        // rounding would not give the app's size back from it.
        let nearest = UInt32(min((Double(size) / factor).rounded(), Double(UInt32.max - 1)))
        let candidates = [nearest, nearest - min(nearest, 1), nearest + 1]
        let chosen = candidates.first { RenderScale.scaled($0, by: factor, limit: .max) == size } ?? nearest
        return max(size, min(bound, chosen))
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
