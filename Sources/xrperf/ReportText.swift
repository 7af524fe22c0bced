import XrPerfCore

/// Text output of `xrperf report`, printed from the `RecordingReport` that
/// `--json` encodes.
enum ReportText {
    static func render(_ report: RecordingReport) -> String {
        let s = report.statistics
        var out = ""
        if let session = report.session {
            let who = session.application.isEmpty ? "(unnamed app)" : session.application
            var parts = ["\(who) (pid \(session.pid))"]
            if !session.runtime.isEmpty { parts.append("runtime \(session.runtime)") }
            if !session.system.isEmpty { parts.append("system \(session.system)") }
            if !session.gpu.isEmpty { parts.append("GPU \(session.gpu)") }
            out += parts.joined(separator: " · ") + "\n"
        }
        out += "recording \(report.file): " + (report.complete ? "complete" : "CUT (no end line)") + "\n\n"

        let fps = s.fps.map { NumberText.fixed($0, places: 1) } ?? "n/a"
        out += "frames      \(s.frames) (\(s.firstFrame)...\(s.lastFrame)), \(NumberText.fixed(s.durationSeconds, places: 2)) s, \(fps) fps\n"
        if s.missingFrames > 0 { out += "missing     \(s.missingFrames) frame indices absent\n" }
        out += "budget      \(NumberText.milliseconds(s.frameBudgetMs)) (display period \(NumberText.milliseconds(s.displayPeriodMs)))\n\n"

        out += "                   p50       p90       p99       max   (ms)\n"
        out += row("frame interval", s.interval)
        out += row("app CPU", s.appCpu)
        if s.simCpu != nil || s.renderCpu != nil {
            out += row("  simulation", s.simCpu)
            out += row("  render", s.renderCpu)
        }
        out += row("app GPU", s.appGpu)
        if s.layerGpu != nil {
            out += row("layer CPU", s.layerCpu)
            out += row("layer GPU", s.layerGpu)
        }
        out += "\n"
        out += "late frames \(s.lateFrames) of \(s.frames) (\(NumberText.percent(s.missRate))), \(s.missedPeriods) display periods missed\n"
        out += "smoothness  " + (s.smoothness.map { NumberText.percent($0) + " of frame intervals within 10% of the budget" } ?? "n/a") + "\n"
        out += "headroom    " + headroom(s.headroom) + "\n"
        out += "bottleneck  \(s.bottleneck.label)"
        if !s.bottleneckShares.isEmpty {
            out += "  (per frame: " + s.bottleneckShares.map { "\($0.bottleneck.label) \(NumberText.percent($0.share))" }
                .joined(separator: ", ") + ")"
        }
        out += "\n\nknob settings:\n"
        // A render scale the controller sets every frame makes hundreds of
        // settings: the most used few, then the spread.
        let shown = report.knobs.histogram.count > 8 ? 5 : report.knobs.histogram.count
        for entry in report.knobs.histogram.prefix(shown) {
            out += "  \(NumberText.percent(entry.share).leftPadded(6))  \(String(entry.frames).leftPadded(7)) frames  \(entry.setting.text)\n"
        }
        if shown < report.knobs.histogram.count {
            let scales = report.knobs.histogram.map(\.setting.renderScale)
            let mean = report.knobs.histogram.reduce(0) { $0 + $1.setting.renderScale * Double($1.frames) }
                / Double(max(1, report.knobs.histogram.reduce(0) { $0 + $1.frames }))
            out += "  ... \(report.knobs.histogram.count - shown) more settings; render scale \(NumberText.fixed(scales.min() ?? 0, places: 2))"
                + " to \(NumberText.fixed(scales.max() ?? 0, places: 2)), mean \(NumberText.fixed(mean, places: 3))\n"
        }
        if !report.knobs.changes.isEmpty { out += "  \(report.knobs.changes.count) change\(report.knobs.changes.count == 1 ? "" : "s")\n" }
        if let c = report.controller {
            func share(_ value: Double?) -> String { value.map { NumberText.percent($0) } ?? "n/a" }
            out += "\ncontroller  \(c.frames) frames decided, target \(NumberText.fixed(c.targetMs, places: 2)) ms; "
                + "forecast error p50 \(share(c.forecastErrorP50)), p90 \(share(c.forecastErrorP90)); "
                + "app GPU over the target in \(share(c.overTarget)) of frames\n"
        }
        out += "\nrecommendations:\n"
        if report.recommendations.isEmpty {
            out += "  none: frames fit with a sensible margin.\n"
        }
        for recommendation in report.recommendations { out += "  - \(recommendation.message)\n" }
        return out
    }

    static func row(_ name: String, _ distribution: Distribution?) -> String {
        let label = name.padding(14)
        guard let d = distribution else { return "\(label)  not measured\n" }
        let cells = [d.p50, d.p90, d.p99, d.max].map { NumberText.fixed($0, places: 2).leftPadded(9) }
        return label + " " + cells.joined(separator: " ") + "\n"
    }

    static func headroom(_ h: FrameStatistics.Headroom) -> String {
        var parts: [String] = []
        if let cpu = h.cpu { parts.append("app CPU \(NumberText.percent(cpu, places: 0))") }
        if let gpu = h.gpu { parts.append("app GPU \(NumberText.percent(gpu, places: 0))") }
        return parts.isEmpty ? "n/a" : parts.joined(separator: ", ") + " of the budget left at p90"
    }
}

extension String {
    /// Right-aligned in `width` columns.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
