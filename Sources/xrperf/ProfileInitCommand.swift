import ArgumentParser
import Foundation
import XrPerfCore

/// `xrperf profile init`: a starter profile to edit.
struct ProfileInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter profile with one example rule per common case.",
        discussion: """
            Writes to FILE, else $XRPERF_PROFILE, else \
            $XDG_CONFIG_HOME/xrperf/profile.json (default ~/.config), creating the \
            directory. An existing file is left alone unless --force is given.

            Exit status: 0 written, 1 the file exists (no --force) or cannot be written.

            Examples:
              xrperf profile init && xrperf profile validate
              xrperf profile init --force /tmp/try.json
            """
    )

    @Argument(help: ArgumentHelp("Where to write (default: the user profile location).", valueName: "file"))
    var file: String?

    @Flag(help: "Overwrite an existing file.")
    var force = false

    func run() throws {
        guard let path = file ?? ProfileSearch.candidates(environment: ProfileFile.environment).first?.path else {
            TelemetryOutput.warn("profile init", "error: neither XDG_CONFIG_HOME nor HOME is set; give a FILE")
            throw ExitCode(1)
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: path), !force {
            TelemetryOutput.warn("profile init", "error: \(path) exists; --force overwrites it")
            throw ExitCode(1)
        }
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            try Data(ProfileStarter.text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            TelemetryOutput.warn("profile init", "error: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        print("wrote \(path); check it with: xrperf profile validate \(path)")
    }
}
