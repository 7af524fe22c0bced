import ArgumentParser
import XrPerfCore

/// The `xrperf` command: the root that only dispatches to subcommands.
@main
struct XrPerfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xrperf",
        abstract: "Inspect, record and diagnose the xrperf OpenXR API layer.",
        discussion: """
            xrperf is an OpenXR API layer for Linux that measures every frame of an \
            OpenXR app and adapts quality to keep frames on time. This command \
            checks the installation (doctor), watches running sessions without \
            talking to them (status, top, record), analyses recordings (report, \
            plot, compare, closed-loop) and replays frame-time traces through the quality \
            controller (simulate). It also checks and explains profiles \
            (profile) and shows or resets what the layer learned per app (tune).

            Examples:
              xrperf doctor
              xrperf status
              xrperf top
              xrperf report run.jsonl
              xrperf compare base.jsonl new.jsonl || echo "frame times regressed"
            """,
        version: XrPerfVersion.string,
        subcommands: [
            DoctorCommand.self, SimulateCommand.self, StatusCommand.self, TopCommand.self, RecordCommand.self,
            ReportCommand.self, PlotCommand.self, CompareCommand.self, ClosedLoopCommand.self,
            ProfileCommand.self, TuneCommand.self, InstallCommand.self, UninstallCommand.self,
        ]
    )
}
