/// How much of the focus view a runtime pixel shows: 1 well inside the
/// focus rectangle, falling with a smoothstep to 0 across a band of
/// `blendWidth` pixels just inside each edge, so the seam between focus and
/// periphery (two different resolutions) does not show as a line. The weight
/// is the product of the horizontal and vertical ramps, so corners fade in
/// both directions. Written as Shaders/Inset.glsl computes it, in 32-bit
/// floats, so the layer's tests can predict each pixel.
public enum InsetBlend {
    /// What the pass receives for `blendWidth`: its reciprocal, or a factor
    /// so large that any centre inside the rect gets the full weight (a hard
    /// edge) when the band is 0 or negative.
    public static func inverseWidth(_ blendWidth: Float) -> Float {
        blendWidth > 0 && blendWidth.isFinite ? 1 / blendWidth : 1e30
    }

    /// The smoothstep ramp at `inside` pixels from the nearer edge.
    public static func ramp(inside: Float, inverseWidth: Float) -> Float {
        let t = min(max(inside * inverseWidth, 0), 1)
        return t * t * (3 - 2 * t)
    }

    /// The weight of the pixel whose top left corner is (x, y).
    public static func weight(x: Int32, y: Int32, rect: InsetRect, inverseWidth: Float) -> Float {
        let centreX = Float(x) + 0.5
        let centreY = Float(y) + 0.5
        let insideX = min(centreX - rect.x0, rect.x1 - centreX)
        let insideY = min(centreY - rect.y0, rect.y1 - centreY)
        return ramp(inside: insideX, inverseWidth: inverseWidth) * ramp(inside: insideY, inverseWidth: inverseWidth)
    }

    public static func weight(x: Int32, y: Int32, rect: InsetRect, blendWidth: Float) -> Float {
        weight(x: x, y: y, rect: rect, inverseWidth: inverseWidth(blendWidth))
    }
}
