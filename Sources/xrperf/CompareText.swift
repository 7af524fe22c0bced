import XrPerfCore

/// Text output of `xrperf compare`, printed from the Output `--json` encodes.
enum CompareText {
    static func render(_ output: CompareCommand.Output) -> String {
        let c = output.comparison
        var out = "base \(output.base) (\(output.baseFrames) frames)  vs  new \(output.new) (\(output.newFrames) frames)\n"
        out += "threshold \(NumberText.fixed(c.options.threshold * 100, places: 1))%, miss threshold \(NumberText.fixed(c.options.missRateThreshold * 100, places: 1)) points, alpha \(c.options.alpha)\n\n"
        out += "metric            base p50   new p50  change   base p99   new p99  change   MW p      verdict\n"
        for m in c.metrics {
            let slower = [m.medianRegression ? "p50" : nil, m.tailRegression ? "p99" : nil].compactMap { $0 }
                .joined(separator: ", ")
            let verdict = !m.regression ? "ok" : m.decides ? "REGRESSION (\(slower))" : "slower (\(slower); part of app_cpu)"
            out += (m.decides ? m.metric : "  " + m.metric).padding(16)
                + NumberText.fixed(m.baseP50, places: 2).leftPadded(10)
                + NumberText.fixed(m.newP50, places: 2).leftPadded(10)
                + signedPercent(m.p50Change).leftPadded(8)
                + NumberText.fixed(m.baseP99, places: 2).leftPadded(11)
                + NumberText.fixed(m.newP99, places: 2).leftPadded(10)
                + signedPercent(m.p99Change).leftPadded(8)
                + "   " + Comparison.pText(m.mannWhitney.pValue).padding(9)
                + " " + verdict + "\n"
        }
        out += "miss rate".padding(16) + NumberText.percent(c.missRate.baseRate).leftPadded(10)
            + NumberText.percent(c.missRate.newRate).leftPadded(10) + String(repeating: " ", count: 37)
            + "   " + Comparison.pText(c.missRate.pValue).padding(9) + " " + (c.missRate.regression ? "REGRESSION" : "ok") + "\n"
        if !c.unmatched.isEmpty {
            out += "\nnot compared (measured in only one recording): \(c.unmatched.joined(separator: ", "))\n"
        }
        out += "\n"
        if c.regression {
            out += "REGRESSION:\n"
            for reason in c.reasons { out += "  - \(reason)\n" }
        } else {
            out += "no regression beyond \(NumberText.fixed(c.options.threshold * 100, places: 1))%.\n"
        }
        return out
    }

    static func signedPercent(_ share: Double) -> String {
        (share >= 0 ? "+" : "") + NumberText.percent(share)
    }
}
