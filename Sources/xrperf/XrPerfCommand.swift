import ArgumentParser
import XrPerfCore

/// The `xrperf` command: the root that only dispatches to subcommands.
@main
struct XrPerfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xrperf",
        abstract: "Inspect and diagnose the xrperf OpenXR API layer.",
        discussion: """
            xrperf is an OpenXR API layer for Linux that measures every frame of an \
            OpenXR app and adapts quality to keep frames on time. This command \
            checks that the layer, the OpenXR loader, the active runtime and \
            Vulkan are installed and visible to apps.

            Examples:
              xrperf --version
              xrperf doctor
              xrperf doctor --json | jq '.checks[] | select(.status != "ok")'
            """,
        version: XrPerfVersion.string,
        subcommands: [
            DoctorCommand.self, SimulateCommand.self, StatusCommand.self, TopCommand.self, RecordCommand.self,
            ReportCommand.self, PlotCommand.self, CompareCommand.self,
        ]
    )
}
