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

    /// The upscale case's methods; the inset case times all of them.
    static let upscaleMethods: [BenchMethod] = [.blit, .bilinear, .edge]

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
        }
    }
}
