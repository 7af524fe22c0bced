/// Where a focus view lands in an eye's runtime image (quad views): a
/// rectangle in runtime-image pixels whose edges need not fall on pixel
/// boundaries, and may lie partly outside the image or the eye's rect (the
/// runtime's focus follows the gaze to the edge of the view).
public struct InsetRect: Sendable, Equatable, CustomStringConvertible {
    public var x0: Float
    public var y0: Float
    public var x1: Float
    public var y1: Float

    public init(x0: Float, y0: Float, x1: Float, y1: Float) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Float { x1 - x0 }
    public var height: Float { y1 - y0 }

    /// The pixels of `clip` whose centres lie strictly inside the rect: every
    /// pixel the inset pass can change (a centre on an edge has weight 0), so
    /// the pass dispatches over exactly these. nil when there is none.
    public func coveredPixels(within clip: PixelRect) -> PixelRect? {
        guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite, x1 > x0, y1 > y0,
              clip.width > 0, clip.height > 0 else { return nil }
        // Centre p + 0.5 > x0 means p > x0 - 0.5; centre < x1 means p < x1 - 0.5.
        func span(_ low: Float, _ high: Float, _ clipStart: Int32, _ clipSize: Int32) -> (Int32, Int32)? {
            let clipEnd = Double(clipStart) + Double(clipSize)
            let first = min(max((Double(low) - 0.5).rounded(.down) + 1, Double(clipStart)), clipEnd)
            let end = min(max((Double(high) - 0.5).rounded(.up), Double(clipStart)), clipEnd)
            guard end > first else { return nil }
            return (Int32(first), Int32(end - first))
        }
        guard let (x, width) = span(x0, x1, clip.x, clip.width),
              let (y, height) = span(y0, y1, clip.y, clip.height) else { return nil }
        return PixelRect(x: x, y: y, width: width, height: height)
    }

    /// Source texels per runtime pixel along each axis when `source` (the
    /// focus view's imageRect) is stretched over the rect: what the pass
    /// receives, so it and InsetReference use the same rounded value.
    public func sourceTexelsPerPixel(_ source: PixelRect) -> SIMD2<Float> {
        SIMD2(Float(source.width) / width, Float(source.height) / height)
    }

    /// Whether some 2x2 block of the pass can have neighbouring pixels more
    /// than one source texel apart, which only the per-pixel fetch serves:
    /// when the focus is denser than the output on an axis. At one texel per
    /// pixel or fewer two neighbours differ by at most one texel, save for
    /// float rounding of positions up to a few thousand (about 1e-4), so a
    /// scale within that of 1 keeps the fetch, unless it is exactly 1.
    public func needsPerPixelFetch(_ source: PixelRect) -> Bool {
        let scale = sourceTexelsPerPixel(source)
        func magnifies(_ value: Float) -> Bool { value == 1 || value <= 0.9998 }
        return !(magnifies(scale.x) && magnifies(scale.y))
    }

    public var description: String { "(\(x0), \(y0))-(\(x1), \(y1))" }
}
