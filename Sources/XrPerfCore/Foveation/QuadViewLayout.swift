/// The four views xrperf offers for XR_VARJO_quad_views, from the runtime's
/// stereo recommendation: views 0 and 1 the whole of each eye at the
/// peripheral density, views 2 and 3 the focus area of each eye at the focus
/// density (densities relative to the recommended pixel density).
public struct QuadViewLayout: Sendable, Equatable {
    public struct Size: Sendable, Equatable {
        public var width: UInt32
        public var height: UInt32

        public init(width: UInt32, height: UInt32) {
            self.width = width
            self.height = height
        }
    }

    public var peripheral: Size
    public var focus: Size

    /// `recommended`/`maximum`: one stereo view's; `share`: the focus area's
    /// part of each axis.
    /// The focus size is rounded down: at density 1 a focus view rounded up
    /// would be a fraction of a texel denser than the output, and the inset
    /// pass then needs its slower per-pixel fetch (InsetRect.needsPerPixelFetch).
    public init(recommended: Size, maximum: Size, peripheralDensity: Double, focusDensity: Double, focusShare: Double) {
        peripheral = Self.scaled(recommended, by: peripheralDensity, limit: maximum)
        let share = focusDensity * min(max(focusShare, 0.01), 1)
        focus = Size(width: Self.roundedDown(recommended.width, by: share, limit: maximum.width),
                     height: Self.roundedDown(recommended.height, by: share, limit: maximum.height))
    }

    private static func roundedDown(_ size: UInt32, by factor: Double, limit: UInt32) -> UInt32 {
        guard factor.isFinite, factor > 0 else { return size }
        // A hair of slack so that products meant to be whole stay whole.
        let value = (Double(size) * factor + 1e-9).rounded(.down)
        return UInt32(min(Double(max(limit, 1)), max(1, value)))
    }

    /// The recommended size of view `index` (0...3).
    public func size(ofView index: Int) -> Size { index < 2 ? peripheral : focus }

    /// Pixels of the four views against the stereo pair's at full density.
    public func pixelShare(of recommended: Size) -> Double {
        let full = 2 * Double(recommended.width) * Double(recommended.height)
        guard full > 0 else { return 1 }
        let quad = 2 * (Double(peripheral.width) * Double(peripheral.height) + Double(focus.width) * Double(focus.height))
        return quad / full
    }

    private static func scaled(_ size: Size, by factor: Double, limit: Size) -> Size {
        Size(width: RenderScale.scaled(size.width, by: factor, limit: limit.width),
             height: RenderScale.scaled(size.height, by: factor, limit: limit.height))
    }
}
