import ArgumentParser
import XrPerfCore

/// `xrperf profile validate [FILE]`: every problem of a profile file.
struct ProfileValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a profile and list every problem in it.",
        discussion: """
            Without FILE, checks the profile the search order finds. Each problem \
            is one line: file:line:column: key path: what was expected, what was found.

            Exit status: 0 valid (or no profile: built-in defaults apply), 1 any problem.

            Examples:
              xrperf profile validate
              xrperf profile validate ~/games/profile.json
            """
    )

    @Argument(help: ArgumentHelp("The profile to check (default: the one the search order finds).", valueName: "file"))
    var file: String?

    func run() throws {
        let location: ProfileSearch.Location
        if let file {
            location = ProfileSearch.Location(path: file, origin: "argument")
        } else if let found = ProfileFile.located() {
            location = found
        } else {
            let searched = ProfileSearch.candidates(environment: ProfileFile.environment).map(\.path)
            print("no profile found (searched \(searched.joined(separator: ", "))); built-in defaults apply")
            return
        }
        let loaded = ProfileFile.load(location.path, origin: location.origin)
        guard !loaded.problems.isEmpty else {
            print("\(location.path): valid")
            return
        }
        for problem in loaded.problems { print(problem.description) }
        let count = loaded.problems.count
        print("\(location.path): \(count) problem\(count == 1 ? "" : "s")")
        throw ExitCode(1)
    }
}
