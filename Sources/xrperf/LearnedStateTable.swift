import Foundation
import XrPerfCore

/// `xrperf tune show` output: a text table or one JSON object.
struct LearnedStateTable {
    struct Entry: Encodable {
        var application: String
        var platform: String
        var renderScale: Double
        var frameDivisor: Int
        var sessions: Int
        var frames: Int
        var updatedRealtimeNs: Int64
        var updated: String
    }

    struct Output: Encodable {
        var file: String
        var exists: Bool
        var problem: String?
        var entries: [Entry]
    }

    var output: Output

    init(file: String, exists: Bool, problem: LearnedStateProblem? = nil, state: LearnedState, application: String?) {
        let shown = state.sortedEntries.filter { application == nil || $0.key.application == application }
        output = Output(
            file: file, exists: exists, problem: problem?.description,
            entries: shown.map {
                Entry(
                    application: $0.key.application, platform: $0.key.platform, renderScale: $0.settings.renderScale,
                    frameDivisor: $0.settings.frameDivisor, sessions: $0.settings.sessions, frames: $0.settings.frames,
                    updatedRealtimeNs: $0.settings.updatedRealtimeNs, updated: Self.utc($0.settings.updatedRealtimeNs))
            })
    }

    /// Columns padded to their widest cell; names are printed whole, since a
    /// cut platform name could read as another platform.
    func text() -> String {
        let header = ["app", "platform", "render scale", "divisor", "sessions", "frames", "last updated (UTC)"]
        let rows = output.entries.map {
            [$0.application, $0.platform, String(format: "%.3f", $0.renderScale), "\($0.frameDivisor)",
             "\($0.sessions)", "\($0.frames)", $0.updated]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        var lines = ["learned settings: \(output.file)"]
        for row in [header] + rows {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }
            lines.append(cells.joined(separator: "  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2026-03-01 14:05:09" from CLOCK_REALTIME nanoseconds.
    static func utc(_ realtimeNs: Int64) -> String {
        var seconds = time_t(realtimeNs / 1_000_000_000)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "?" }
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
