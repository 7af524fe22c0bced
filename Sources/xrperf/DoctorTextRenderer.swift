/// Text output of `xrperf doctor`, printed from the same `DoctorReport` that
/// `--json` encodes.
struct DoctorTextRenderer {
    var terminal: Terminal

    func render(_ report: DoctorReport) -> String {
        let nameWidth = report.checks.map(\.name.count).max() ?? 0
        // Continuation lines start under the detail column.
        let indent = String(repeating: " ", count: 6 + nameWidth + 2)
        var out = "xrperf \(report.version) doctor\n\n"
        for check in report.checks {
            out += "\(tag(check.status))  \(check.name.padding(nameWidth))  \(check.detail)\n"
            for line in check.data.textLines {
                out += indent + line + "\n"
            }
            if check.status != .ok {
                out += indent + terminal.paint("hint: ", "1") + check.hint + "\n"
            }
            out += "\n"
        }
        let failed = report.checks.filter { $0.status == .fail }.count
        let warned = report.checks.filter { $0.status == .warn }.count
        out += failed == 0 && warned == 0
            ? "All \(report.checks.count) checks passed.\n"
            : "\(failed) failed, \(warned) warning\(warned == 1 ? "" : "s"), \(report.checks.count - failed - warned) ok.\n"
        return out
    }

    /// A four-character status column, coloured on terminals.
    private func tag(_ status: DoctorStatus) -> String {
        switch status {
        case .ok: terminal.paint("ok  ", "32")
        case .warn: terminal.paint("warn", "33")
        case .fail: terminal.paint("FAIL", "1;31")
        }
    }
}
