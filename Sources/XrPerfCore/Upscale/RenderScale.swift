/// The render scale a session runs at, per axis: the app renders
/// `recommended x scale` pixels and the layer upscales them to the display.
public struct RenderScale: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public init(uniform scale: Double) {
        self.init(x: scale, y: scale)
    }

    /// Only a scale below 1 on some axis needs the layer's pass; above 1 the
    /// app renders more than the display shows and the runtime downsamples,
    /// as it would for any app that picked a larger size.
    public var needsUpscaling: Bool { x < 1 || y < 1 }

    /// `size x scale`, rounded, at least 1 pixel and at most `limit`.
    public static func scaled(_ size: UInt32, by scale: Double, limit: UInt32) -> UInt32 {
        guard scale.isFinite, scale > 0 else { return size }
        let value = (Double(size) * scale).rounded()
        return UInt32(min(Double(max(limit, 1)), max(1, value)))
    }
}

extension RenderScale {
    /// The scale the upscale settings ask for on a runtime recommending
    /// `recommendedWidth x recommendedHeight` per eye: an explicit width or
    /// height wins over the scales; a width alone keeps the aspect ratio; a
    /// vertical scale of 0 means the horizontal one. Kept within 0.1 to 2.
    public init(settings: ProfileSettings.Upscale, recommendedWidth: UInt32, recommendedHeight: UInt32) {
        func ratio(_ pixels: Double, _ recommended: UInt32) -> Double? {
            pixels > 0 && recommended > 0 ? pixels / Double(recommended) : nil
        }
        let x = ratio(settings.width, recommendedWidth) ?? settings.renderScale
        let y = ratio(settings.height, recommendedHeight)
            ?? (settings.renderScaleY > 0 ? settings.renderScaleY : (settings.width > 0 ? x : settings.renderScale))
        func bounded(_ value: Double) -> Double { value.isFinite ? min(max(value, 0.1), 2) : 1 }
        self.init(x: bounded(x), y: bounded(y))
    }
}
