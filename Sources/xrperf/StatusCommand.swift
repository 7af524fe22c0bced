import ArgumentParser
import Foundation
import XrPerfCore

/// `xrperf status`: every live session, with the numbers of its last second.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List running OpenXR sessions that have the xrperf layer, with their frame timing.",
        discussion: """
            Reads the shared-memory files the layer publishes, one per session, in \
            $XDG_RUNTIME_DIR/xrperf/session-<pid>-<serial>.shm (or /tmp/xrperf-<uid> \
            when XDG_RUNTIME_DIR is unset). Files are mapped read-only; the app is \
            never contacted or slowed down.

            For each session: the app, pid, runtime, system and GPU; then, over the \
            last second of frames (at most 1024): frames per second, p50/p99 frame \
            interval, p50 app CPU time (with its simulation and render thread parts \
            from a layer that records them) and app GPU time, late frames, the bottleneck and \
            the headroom. The bottleneck rule (500 µs margin) and every number are \
            described in docs/telemetry.md.

            Files of processes that are gone, and of sessions marked ended, are \
            removed and listed as cleaned. Files of another user, with a wrong magic, \
            an unknown layout version or a wrong size are listed as ignored with the \
            reason and left alone.

            Exit status: 0 at least one live session, 1 none, 2 the telemetry \
            directory cannot be used (not a directory, another user's), 64 usage error.

            Examples:
              xrperf status
              xrperf status --json | jq '.sessions[] | {id, application, fps: .statistics.fps}'
              XDG_RUNTIME_DIR=/run/user/1000 xrperf status
            """
    )

    @Flag(name: .long, help: "Print one JSON object on standard output instead of text.")
    var json = false

    struct Output: Codable {
        var directory: String
        var directorySource: String
        var directoryExists: Bool
        var notes: [String]
        var sessions: [TelemetrySessionSummary]
        var ignored: [TelemetryFileNote]
        var cleaned: [TelemetryFileNote]
    }

    func run() throws {
        let scan = TelemetryScan()
        var notes: [String] = []
        if let note = scan.location.note { notes.append(note) }
        if let problem = scan.directoryProblem { notes.append(problem) }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nowNs = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        let output = Output(
            directory: scan.location.directory, directorySource: scan.location.source,
            directoryExists: scan.directoryExists, notes: notes,
            sessions: scan.sessions.map { TelemetrySessionSummary($0, realtimeNowNs: nowNs) },
            ignored: scan.ignored, cleaned: scan.cleaned)
        for note in notes { TelemetryOutput.warn("status", note) }
        if json {
            try TelemetryOutput.printJSON(output)
        } else {
            print(StatusText.render(output, noSessionMessage: scan.noSessionMessage), terminator: "")
        }
        if scan.directoryProblem != nil { throw ExitCode(TelemetryOutput.badInput) }
        if output.sessions.isEmpty { throw ExitCode.failure }
    }
}
