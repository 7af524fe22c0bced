import Foundation
import XrPerfCore

/// Text and JSON renderings of `SimulationReport`, both from the same value.
enum SimulateOutput {
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func text(_ report: SimulationReport) -> String {
        var out = "trace \(report.trace): \(report.frames) frames, \(number(report.hz, 1)) Hz, load \(number(report.load, 2)), "
        out += "fixed fraction \(number(report.fixedFraction, 2)), delay \(report.delay), min scale \(number(report.minScale, 2))\n"
        out += "oracle_mean_scale \(number(report.oracleMeanScale, 3))  frontier_scale "
        out += report.frontierScale.map { number($0, 3) } ?? "none (no fixed scale misses <= 1 %)"
        out += "\n\n"
        let header = ["controller", "miss_rate", "mean_scale", "p5_scale", "reversals_per_1000", "recovery_frames_median", "cpu_bound_mean_scale"]
        var rows = [header]
        for metrics in report.results {
            rows.append([
                metrics.controller,
                number(metrics.missRate * 100, 2) + " %",
                number(metrics.meanScale, 3),
                number(metrics.p5Scale, 3),
                number(metrics.reversalsPer1000, 1),
                metrics.recoveryFramesMedian.map { number($0, 1) } ?? "-",
                metrics.cpuBoundMeanScale.map { number($0, 3) } ?? "-",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        return out
    }

    private static func number(_ value: Double, _ digits: Int) -> String {
        DecimalText.fixed(value, digits)
    }
}
