import XrPerfCore

/// What one refresh of `xrperf top` shows, as text: the full screen for a
/// terminal, or one plain line for a pipe.
enum TopScreen {
    /// The screen: header, numbers (the same as `status`), sparklines of the
    /// last frames (newest on the right, scaled to twice the frame budget),
    /// late frames, knobs.
    static func render(_ summary: TelemetrySessionSummary, recent: [FrameRecord], columns: Int,
                       refreshSeconds: Double) -> [String] {
        var lines: [String] = []
        lines.append("xrperf top · " + StatusText.header(summary))
        lines.append("\(summary.publishedFrames) frames published · profile \(summary.profile.isEmpty ? "none" : summary.profile)"
            + " · refresh \(NumberText.fixed(refreshSeconds, places: 2)) s · press q to quit")
        lines.append("")
        lines.append(contentsOf: StatusText.numbers(summary))
        if let statistics = summary.statistics {
            lines.append("")
            lines.append("last \(NumberText.fixed(summary.windowSeconds, places: 1)) s          p50      p90      p99      max (ms)")
            let hasParts = statistics.simCpu != nil || statistics.renderCpu != nil
            let optional: Set<String> = hasParts ? ["layer GPU"] : ["layer GPU", "  simulation", "  render"]
            for (name, distribution) in [("frame interval", statistics.interval), ("app CPU", statistics.appCpu),
                                         ("  simulation", statistics.simCpu), ("  render", statistics.renderCpu),
                                         ("app GPU", statistics.appGpu), ("layer CPU", statistics.layerCpu),
                                         ("layer GPU", statistics.layerGpu)]
            where !optional.contains(name) || distribution != nil {
                lines.append(row(name, distribution))
            }
        }
        let budgetMs = summary.statistics?.frameBudgetMs ?? 0
        let width = max(10, columns - 17)
        if budgetMs > 0, !recent.isEmpty {
            let tail = Array(recent.suffix(width))
            lines.append("")
            lines.append("last \(tail.count) frames, bar top = \(NumberText.fixed(2 * budgetMs, places: 1)) ms (2x budget), newest right:")
            for (name, value) in [("frame interval", { (f: FrameRecord) in f.frameIntervalNs }),
                                  ("app CPU", { (f: FrameRecord) in f.appCpuNs }),
                                  ("app GPU", { (f: FrameRecord) in f.appGpuNs })] {
                let values = tail.map { value($0).map { Double($0) / 1e6 } }
                lines.append(name.padding(15) + " " + Sparkline.render(values, maximum: 2 * budgetMs))
            }
            lines.append("late".padding(15) + " " + String(tail.map { $0.isLate ? "x" : "·" }))
        }
        return lines.map { String($0.prefix(max(columns, 20))) }
    }

    static func row(_ name: String, _ d: Distribution?) -> String {
        guard let d else { return name.padding(15) + "  not measured" }
        return name.padding(15) + [d.p50, d.p90, d.p99, d.max].map { NumberText.fixed($0, places: 2).leftPadded(9) }.joined()
    }

    /// One line per refresh when standard output is not a terminal.
    static func plainLine(_ s: TelemetrySessionSummary, elapsedSeconds: Double) -> String {
        var parts = ["t=\(NumberText.fixed(elapsedSeconds, places: 1))s", "session=\(s.id)", "frames=\(s.publishedFrames)"]
        guard let st = s.statistics else { return (parts + ["no-frames-yet"]).joined(separator: " ") }
        let ms = { (value: Double?) in value.map { NumberText.fixed($0, places: 2) } ?? "na" }
        parts.append("fps=" + (st.fps.map { NumberText.fixed($0, places: 1) } ?? "na"))
        parts.append("interval_p50=\(ms(st.interval?.p50))ms interval_p99=\(ms(st.interval?.p99))ms")
        parts.append("cpu_p50=\(ms(st.appCpu?.p50))ms")
        if st.simCpu != nil || st.renderCpu != nil {
            parts.append("sim_cpu_p50=\(ms(st.simCpu?.p50))ms render_cpu_p50=\(ms(st.renderCpu?.p50))ms")
        }
        parts.append("gpu_p50=\(ms(st.appGpu?.p50))ms")
        parts.append("late=\(st.lateFrames)/\(st.frames)")
        parts.append("bottleneck=\(st.bottleneck.rawValue)")
        parts.append("headroom=" + (st.headroom.frame.map { NumberText.percent($0, places: 0) } ?? "na"))
        if let knobs = s.knobs {
            parts.append("scale=\(NumberText.fixed(knobs.renderScale, places: 2)) divisor=\(knobs.frameDivisor) foveation=\(knobs.foveation)"
                + (knobs.passFilter.map { " filter=\($0)" } ?? ""))
        }
        if let plan = s.controller {
            parts.append("forecast_gpu=\(NumberText.fixed(plan.forecastGpuMs, places: 2))ms target=\(NumberText.fixed(plan.targetMs, places: 2))ms")
        }
        return parts.joined(separator: " ")
    }
}
