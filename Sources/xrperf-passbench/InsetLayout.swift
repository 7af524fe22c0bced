import XrPerfCore

/// Where the inset case puts the focus view in an eye's output: a centred
/// rectangle of `fraction` of each axis, rendered at density 1 (one focus
/// texel per output pixel, sized as the layer sizes focus views:
/// QuadViewLayout), with a blend band of `bandFraction` of the rectangle's
/// smaller side.
struct InsetLayout {
    static let fraction = 0.4
    static let bandFraction: Float = 0.1

    let focusWidth: UInt32
    let focusHeight: UInt32
    let rect: InsetRect
    let blendWidth: Float

    init(outputWidth: UInt32, outputHeight: UInt32) {
        let output = QuadViewLayout.Size(width: outputWidth, height: outputHeight)
        let layout = QuadViewLayout(recommended: output, maximum: output, peripheralDensity: 0.5, focusDensity: 1,
                                    focusShare: Self.fraction)
        (focusWidth, focusHeight) = (layout.focus.width, layout.focus.height)
        let margin = Float((1 - Self.fraction) / 2)
        let (width, height) = (Float(outputWidth), Float(outputHeight))
        rect = InsetRect(x0: width * margin, y0: height * margin, x1: width * (1 - margin), y1: height * (1 - margin))
        blendWidth = Self.bandFraction * min(rect.width, rect.height)
    }

    var source: PixelRect { PixelRect(x: 0, y: 0, width: Int32(focusWidth), height: Int32(focusHeight)) }
}
