import XrPerfCore

/// Everything `xrperf doctor` prints: with `--json` this, encoded; as text,
/// rendered from this by `DoctorTextRenderer`.
struct DoctorReport: Codable {
    var version: String = XrPerfVersion.string
    var checks: [DoctorCheck]

    var worst: DoctorStatus {
        checks.map(\.status).max() ?? .ok
    }
}
