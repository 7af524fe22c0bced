import XrPerfCore

/// One measured configuration: per-eye output size, render scale and format.
struct BenchCase {
    let outputWidth: UInt32
    let outputHeight: UInt32
    let scale: Double
    let format: BenchFormat
    let eyes: Int

    /// The app's size at this scale, rounded as the layer rounds it.
    var inputWidth: UInt32 { RenderScale.scaled(outputWidth, by: scale, limit: outputWidth) }
    var inputHeight: UInt32 { RenderScale.scaled(outputHeight, by: scale, limit: outputHeight) }

    var label: String {
        "\(eyes) x \(inputWidth)x\(inputHeight) -> \(outputWidth)x\(outputHeight) (scale \(scale)), \(format.rawValue)"
    }
}

/// What is timed, one whole frame (every eye) per command buffer.
enum BenchMethod: String, CaseIterable {
    case blit
    case bilinear
    case edge
    /// The inset case's composites: the upscale, then the focus inset.
    case bilinearInset
    case edgeInset
    /// The same on the graphics path (draws into a colour attachment); the
    /// ones above run on the compute path.
    case bilinearGraphics
    case edgeGraphics
    case bilinearInsetGraphics
    case edgeInsetGraphics

    /// The upscale case's methods, both paths.
    static let upscaleMethods: [BenchMethod] = [.blit, .bilinear, .edge, .bilinearGraphics, .edgeGraphics]
    /// The inset case's: the upscale alone and with the inset, both paths.
    static let insetMethods: [BenchMethod] = allCases

    /// How the method writes the runtime's image (nil: the reference blit).
    var path: UpscalePassPath? {
        switch self {
        case .blit: nil
        case .bilinear, .edge, .bilinearInset, .edgeInset: .compute
        case .bilinearGraphics, .edgeGraphics, .bilinearInsetGraphics, .edgeInsetGraphics: .graphics
        }
    }

    var drawsInset: Bool { [.bilinearInset, .edgeInset, .bilinearInsetGraphics, .edgeInsetGraphics].contains(self) }
    var isEdge: Bool { [.edge, .edgeInset, .edgeGraphics, .edgeInsetGraphics].contains(self) }

    /// The name in the report (the path is a column of its own): the edge
    /// filter always runs with its sharpening, and so does the inset after it.
    var passName: String {
        guard self != .blit else { return "blit" }
        return (isEdge ? "edge+sharpen" : "bilinear") + (drawsInset ? "+inset" : "")
    }
}
