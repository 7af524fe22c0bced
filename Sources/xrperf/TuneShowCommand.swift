import ArgumentParser
import Foundation
import XrPerfCore
import XrPerfFormats

/// `xrperf tune show`: the learned settings as a table or JSON.
struct TuneShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print what the layer learned per app and platform.",
        discussion: """
            One row per app and platform: the render scale and frame divisor the \
            next session starts from, how many sessions and frames they were \
            learned from, and when the last one ended (UTC). The first line names \
            the file. With --json, one object {file, exists, problem, entries: \
            [{application, platform, renderScale, frameDivisor, sessions, frames, \
            updatedRealtimeNs, updated}]} is printed instead.

            When nothing has been learned yet (no file, or no entry for --app) \
            that is said and the exit status is 0. A file that cannot be used \
            (corrupt, too large, a newer version, a symbolic link, another \
            user's) is reported with its path and the problem; the layer then \
            starts from nothing, and `xrperf tune reset --all` replaces it.

            Exit status: 0 shown (or nothing learned), 1 the file cannot be used, \
            64 usage error.

            Examples:
              xrperf tune show
              xrperf tune show --app hello_xr
              xrperf tune show --json | jq '.entries[] | {application, renderScale}'
            """
    )

    @Option(name: .long, help: ArgumentHelp("Show only the entries of this app (its OpenXR application name).", valueName: "name"))
    var app: String?

    @Flag(name: .long, help: "Print one JSON object on standard output instead of text.")
    var json = false

    func run() throws {
        let path = try LearnedStateFile.locate(environment: ProcessInfo.processInfo.environment)
        switch try LearnedStateFile.read(path) {
        case .absent:
            try show(LearnedStateTable(file: path, exists: false, state: LearnedState(), application: app))
        case .loaded(let state):
            try show(LearnedStateTable(file: path, exists: true, state: state, application: app))
        case .corrupt(let problem):
            if json {
                try TelemetryOutput.printJSON(
                    LearnedStateTable(file: path, exists: true, problem: problem, state: LearnedState(), application: nil).output)
            }
            TelemetryOutput.warn("tune show", "\(path): \(problem)")
            TelemetryOutput.warn("tune show", "the layer ignores this file; `xrperf tune reset --all` replaces it")
            throw ExitCode.failure
        }
    }

    private func show(_ table: LearnedStateTable) throws {
        if json { return try TelemetryOutput.printJSON(table.output) }
        guard table.output.entries.isEmpty else { return print(table.text(), terminator: "") }
        let scope = app.map { " for \($0)" } ?? ""
        print(table.output.exists
              ? "nothing learned yet\(scope) (\(table.output.file))"
              : "nothing learned yet: \(table.output.file) does not exist")
    }
}
