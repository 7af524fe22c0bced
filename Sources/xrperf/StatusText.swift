import XrPerfCore

/// Text output of `xrperf status` and the numbers block `xrperf top` shares.
enum StatusText {
    static func render(_ output: StatusCommand.Output, noSessionMessage: String) -> String {
        var out = ""
        if output.sessions.isEmpty {
            out += noSessionMessage + ".\n"
        } else {
            let count = output.sessions.count
            out += "\(count) live session\(count == 1 ? "" : "s") in \(output.directory)\n"
        }
        for session in output.sessions {
            out += "\n" + header(session) + "\n"
            for line in numbers(session) { out += "  " + line + "\n" }
        }
        if !output.cleaned.isEmpty {
            out += "\nremoved \(output.cleaned.count) stale file\(output.cleaned.count == 1 ? "" : "s"):\n"
            for note in output.cleaned { out += "  \(note.file): \(note.reason)\n" }
        }
        if !output.ignored.isEmpty {
            out += "\nignored \(output.ignored.count) file\(output.ignored.count == 1 ? "" : "s"):\n"
            for note in output.ignored { out += "  \(note.file): \(note.reason)\n" }
        }
        return out
    }

    static func header(_ s: TelemetrySessionSummary) -> String {
        let name = s.application.isEmpty ? "(unnamed app)" : s.application
        var parts = ["\(s.id)  \(name) (pid \(s.pid))"]
        if !s.runtime.isEmpty { parts.append("runtime \(s.runtime)") }
        if !s.system.isEmpty { parts.append("system \(s.system)") }
        if !s.gpu.isEmpty { parts.append("GPU \(s.gpu)") }
        return parts.joined(separator: " · ")
    }

    /// The numbers of one session's window, a few lines.
    static func numbers(_ s: TelemetrySessionSummary) -> [String] {
        guard let st = s.statistics else {
            return ["no frames published yet (\(s.publishedFrames) so far)"]
        }
        let ms = { (value: Double?) in value.map { NumberText.fixed($0, places: 2) } ?? "n/a" }
        var lines: [String] = []
        let fps = st.fps.map { NumberText.fixed($0, places: 1) } ?? "n/a"
        lines.append("fps \(fps)   frame interval p50 \(ms(st.interval?.p50)) ms  p99 \(ms(st.interval?.p99)) ms"
            + "   budget \(ms(st.frameBudgetMs)) ms")
        let gpu = st.appGpu.map { NumberText.fixed($0.p50, places: 2) + " ms" } ?? "not measured"
        let parts = st.simCpu == nil && st.renderCpu == nil ? ""
            : " (sim \(ms(st.simCpu?.p50)), render \(ms(st.renderCpu?.p50)))"
        lines.append("app CPU p50 \(ms(st.appCpu?.p50)) ms\(parts)   app GPU p50 \(gpu)"
            + "   late \(st.lateFrames) of \(st.frames) (\(NumberText.percent(st.missRate)))")
        let headroom = st.headroom.frame.map { NumberText.percent($0, places: 0) } ?? "n/a"
        var verdict = "bottleneck \(st.bottleneck.label)   headroom \(headroom)"
        if let cpu = st.headroom.cpu { verdict += " (CPU \(NumberText.percent(cpu, places: 0))" }
        if let gpu = st.headroom.gpu { verdict += st.headroom.cpu == nil ? " (" : ", "; verdict += "GPU \(NumberText.percent(gpu, places: 0))" }
        if st.headroom.cpu != nil || st.headroom.gpu != nil { verdict += ")" }
        lines.append(verdict)
        var knobs = s.knobs.map { "knobs \($0.text)" } ?? ""
        knobs += "   window \(st.frames) frames / \(NumberText.fixed(st.durationSeconds, places: 2)) s"
        lines.append(knobs)
        if let plan = s.controller {
            lines.append("controller forecast GPU \(ms(plan.forecastGpuMs)) ms at these settings, target \(ms(plan.targetMs)) ms")
        }
        return lines
    }
}
