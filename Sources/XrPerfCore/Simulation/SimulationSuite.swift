/// The controller benchmark: every synthetic trace at load 1.0 and 1.3 and
/// delay 1 and 2, through every controller (`xrperf simulate --suite`).
public enum SimulationSuite {
    public static let loads = [1.0, 1.3]
    public static let delays = [1, 2]

    public static func run(
        base: SimulationParameters = .init(), frames: Int = SyntheticTrace.defaultFrames,
        seed: UInt64 = SyntheticTrace.defaultSeed
    ) -> [SimulationReport] {
        var reports: [SimulationReport] = []
        for kind in SyntheticTrace.allCases {
            let trace = kind.generate(frames: frames, seed: seed)
            for load in loads {
                for delay in delays {
                    var parameters = base
                    parameters.load = load
                    parameters.delay = delay
                    reports.append(SimulationReport(
                        trace: kind.rawValue, trace, parameters: parameters,
                        controllers: SimulatedControllerKind.allCases))
                }
            }
        }
        return reports
    }

    /// One Markdown table: a row per trace, load and delay; per controller
    /// its miss rate and mean scale; xrperf's other metrics at the end.
    /// A controller's mean scale is in bold where it is the best among those
    /// with miss_rate <= 1 %.
    public static func markdown(_ reports: [SimulationReport]) -> String {
        let kinds = SimulatedControllerKind.allCases
        var lines: [String] = []
        var header = "| trace | load | delay | frontier | oracle |"
        var rule = "|---|---|---|---|---|"
        for kind in kinds {
            header += " \(kind.rawValue) miss % / scale |"
            rule += "---|"
        }
        header += " xrperf p5 | xrperf rev/1000 | xrperf recovery | xrperf cpu-bound scale |"
        rule += "---|---|---|---|"
        lines.append(header)
        lines.append(rule)
        for report in reports {
            let eligible = report.results.filter { $0.missRate <= TraceReference.frontierMissRate }
            let best = eligible.map(\.meanScale).max()
            var row = "| \(report.trace) | \(DecimalText.fixed(report.load, 1)) | \(report.delay) | "
                + "\(report.frontierScale.map { DecimalText.fixed($0, 3) } ?? "none") | \(DecimalText.fixed(report.oracleMeanScale, 3)) |"
            for kind in kinds {
                guard let metrics = report.result(kind) else {
                    row += " - |"
                    continue
                }
                var scale = DecimalText.fixed(metrics.meanScale, 3)
                if metrics.missRate <= TraceReference.frontierMissRate, metrics.meanScale == best { scale = "**\(scale)**" }
                row += " \(DecimalText.fixed(metrics.missRate * 100, 2)) / \(scale) |"
            }
            if let ours = report.result(.xrperf) {
                row += " \(DecimalText.fixed(ours.p5Scale, 3)) | \(DecimalText.fixed(ours.reversalsPer1000, 1)) |"
                row += " \(ours.recoveryFramesMedian.map { DecimalText.fixed($0, 1) } ?? "-") |"
                row += " \(ours.cpuBoundMeanScale.map { DecimalText.fixed($0, 3) } ?? "-") |"
            }
            lines.append(row)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
