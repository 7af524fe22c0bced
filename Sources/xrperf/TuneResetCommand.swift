import ArgumentParser
import Foundation
import XrPerfCore
import XrPerfFormats

/// `xrperf tune reset`: forget learned settings.
struct TuneResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Forget what the layer learned, for one app or for all.",
        discussion: """
            --app NAME removes that app's entries on every platform; --all \
            removes every entry. The next session of such an app starts from \
            the profile's settings again. The file is replaced atomically (a \
            temporary file in the same folder, fsync, rename; mode 0600, folder \
            0700), so a session ending at the same moment reads the old or the \
            new file, never half of one; its own result may then be lost.

            A file that is corrupt (not JSON, truncated, out-of-range values, a \
            newer version) cannot be edited: --all replaces it with an empty \
            one, --app refuses. A symbolic link, something other than a regular \
            file, or another user's file is never touched.

            Exit status: 0 done (also when there was nothing to remove), 1 the \
            file cannot be used or written, 64 usage error.

            Examples:
              xrperf tune reset --app hello_xr
              xrperf tune reset --all
            """
    )

    @Option(name: .long, help: ArgumentHelp("Remove the entries of this app (its OpenXR application name).", valueName: "name"))
    var app: String?

    @Flag(name: .long, help: "Remove every entry (and replace a corrupt file).")
    var all = false

    func validate() throws {
        if all == (app != nil) {
            throw ValidationError(all ? "give --app NAME or --all, not both" : "name what to forget: --app NAME or --all")
        }
    }

    func run() throws {
        let path = try LearnedStateFile.locate(environment: ProcessInfo.processInfo.environment)
        var state: LearnedState
        switch try LearnedStateFile.read(path) {
        case .absent:
            return print("nothing learned yet: \(path) does not exist")
        case .loaded(let loaded):
            state = loaded
        case .corrupt(let problem):
            guard all else {
                TelemetryOutput.warn("tune reset", "\(path): \(problem)")
                TelemetryOutput.warn("tune reset", "cannot remove entries from a corrupt file; `xrperf tune reset --all` replaces it")
                throw ExitCode.failure
            }
            try LearnedStateFile.write(LearnedState(), to: path)
            return print("replaced the corrupt file \(path) (\(problem)) with an empty one")
        }
        let removed = state.remove(application: app)
        guard removed > 0 else {
            return print(app.map { "nothing learned for \($0) in \(path)" } ?? "nothing learned yet (\(path))")
        }
        try LearnedStateFile.write(state, to: path)
        let noun = removed == 1 ? "entry" : "entries"
        print(app.map { "removed \(removed) \(noun) of \($0) from \(path)" } ?? "removed all \(removed) \(noun) from \(path)")
    }
}
