import Foundation

/// What a run measured, as the table and as --json.
struct PassBenchReport: Encodable {
    struct Row: Encodable {
        let pass: String
        /// compute or graphics: how the pass wrote the runtime's image.
        let path: String
        let eyes: Int
        let format: String
        let scale: Double
        let inputWidth: UInt32
        let inputHeight: UInt32
        let outputWidth: UInt32
        let outputHeight: UInt32
        /// The focus view per eye of an inset row (absent otherwise).
        let focusWidth: UInt32?
        let focusHeight: UInt32?
        let frames: Int
        let medianMs: Double
        let p90Ms: Double
        let blitMedianMs: Double
        let blitP90Ms: Double
        /// Pass median over blit median, both from the same interleaved run.
        let ratio: Double
    }

    let device: String
    let driver: String
    let suite: BenchSuite
    let eyes: Int
    let frames: Int
    let warmUp: Int
    let sharpness: Double
    var results: [Row] = []
    /// The inset case's GPU-against-reference verdict.
    var check: InsetVerdict?

    mutating func add(_ benchCase: BenchCase, _ times: [BenchMethod: [Double]], inset: InsetLayout? = nil) {
        let blit = times[.blit] ?? []
        let blitMedian = Percentiles.median(blit)
        let methods = (inset == nil ? BenchMethod.upscaleMethods : BenchMethod.insetMethods).filter { $0 != .blit }
        for method in methods {
            let pass = times[method] ?? []
            let median = Percentiles.median(pass)
            results.append(Row(
                pass: method.passName, path: method.path?.rawValue ?? "", eyes: benchCase.eyes,
                format: benchCase.format.vulkanName, scale: benchCase.scale,
                inputWidth: benchCase.inputWidth, inputHeight: benchCase.inputHeight,
                outputWidth: benchCase.outputWidth, outputHeight: benchCase.outputHeight,
                focusWidth: method.drawsInset ? inset?.focusWidth : nil,
                focusHeight: method.drawsInset ? inset?.focusHeight : nil, frames: pass.count,
                medianMs: median, p90Ms: Percentiles.rank(pass, 0.9), blitMedianMs: blitMedian,
                blitP90Ms: Percentiles.rank(blit, 0.9), ratio: median / blitMedian))
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        var lines = ["device: \(device) (\(driver))"]
        switch suite {
        case .upscale:
            lines.append("\(eyes) eyes per frame, median and p90 of \(frames) frames per row after \(warmUp) warm-up, "
                         + "interleaved with vkCmdBlitImage (VK_FILTER_LINEAR); times are per frame (all eyes)")
        case .inset:
            lines.append("composite per eye: the periphery upscaled, then (+inset) the focus view (\(InsetLayout.fraction) of "
                         + "each axis, density 1, blend band \(InsetLayout.bandFraction) of its size) inset over it; median and "
                         + "p90 of \(frames) frames per row after \(warmUp) warm-up, interleaved with vkCmdBlitImage "
                         + "(VK_FILTER_LINEAR) of the periphery to the output size; times are per frame (all eyes)")
            if let check { lines.append(check.summary) }
        }
        let header = ["pass", "path", "eyes", "format", "input/eye", "output/eye", "median ms", "p90 ms", "blit median ms",
                      "blit p90 ms", "ratio"]
        let rows = results.map { row in
            [row.pass, row.path, String(row.eyes), row.format,
             "\(row.inputWidth)x\(row.inputHeight)" + (row.focusWidth.map { " + \($0)x\(row.focusHeight ?? 0)" } ?? ""),
             "\(row.outputWidth)x\(row.outputHeight)",
             Self.ms(row.medianMs), Self.ms(row.p90Ms), Self.ms(row.blitMedianMs), Self.ms(row.blitP90Ms),
             String(format: "%.2fx", row.ratio)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for cells in [header] + rows {
            lines.append(cells.indices.map { column in
                // Text left, numbers right.
                column == 0 || (2...4).contains(column) ? cells[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cells[column].count) + cells[column]
            }.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    private static func ms(_ value: Double) -> String { String(format: "%.3f", value) }
}
