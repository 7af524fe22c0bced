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
    /// The graphics path's upscale (a draw into a colour attachment); the
    /// others run on the compute path.
    case bilinearGraphics
    case edgeGraphics

    /// The upscale case's methods, both paths; the inset case times the
    /// compute ones (the inset writes through storage views).
    static let upscaleMethods: [BenchMethod] = [.blit, .bilinear, .edge, .bilinearGraphics, .edgeGraphics]

    static let insetMethods: [BenchMethod] = [.blit, .bilinear, .edge, .bilinearInset, .edgeInset]

    /// How the method writes the runtime's image (nil: the reference blit).
    var path: String? {
        switch self {
        case .blit: nil
        case .bilinearGraphics, .edgeGraphics: "graphics"
        case .bilinear, .edge, .bilinearInset, .edgeInset: "compute"
        }
    }

    var drawsInset: Bool { self == .bilinearInset || self == .edgeInset }

    /// The name in the report: the edge filter always runs with its
    /// sharpening, and so does the inset after it.
    var passName: String {
        switch self {
        case .blit: "blit"
        case .bilinear: "bilinear"
        case .edge: "edge+sharpen"
        case .bilinearInset: "bilinear+inset"
        case .edgeInset: "edge+sharpen+inset"
        case .bilinearGraphics: "bilinear"
        case .edgeGraphics: "edge+sharpen"
        }
    }
}
