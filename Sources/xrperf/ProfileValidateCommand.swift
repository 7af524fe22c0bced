import ArgumentParser
import Foundation
import XrPerfCore

/// `xrperf profile validate [FILE]`: every problem of a profile file.
struct ProfileValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a profile and list every problem in it.",
        discussion: """
            Without FILE, checks the profile the search order finds. Each problem \
            is one line: file:line:column: key path: what was expected, what was found. \
            With --json, one object {file, origin, found, valid, problems: [{file, line, \
            column, path, message}]} is printed instead.

            Exit status: 0 valid (or no profile: built-in defaults apply), 1 any problem.

            Examples:
              xrperf profile validate
              xrperf profile validate ~/games/profile.json
              xrperf profile validate --json | jq '.problems[].path'
            """
    )

    @Argument(help: ArgumentHelp("The profile to check (default: the one the search order finds).", valueName: "file"))
    var file: String?

    @Flag(name: .long, help: "Print one JSON object on standard output instead of text.")
    var json = false

    /// What --json prints; the text output says the same.
    struct Result: Encodable {
        var file: String?
        var origin: String?
        var found: Bool
        var valid: Bool
        var searched: [String]
        var problems: [ProfileProblem]
    }

    func run() throws {
        let location: ProfileSearch.Location
        if let file {
            location = ProfileSearch.Location(path: file, origin: "argument")
        } else if let found = ProfileFile.located() {
            location = found
        } else {
            let searched = ProfileSearch.candidates(environment: ProfileFile.environment).map(\.path)
            if json {
                try emit(Result(file: nil, origin: nil, found: false, valid: true, searched: searched, problems: []))
            } else {
                print("no profile found (searched \(searched.joined(separator: ", "))); built-in defaults apply")
            }
            return
        }
        let loaded = ProfileFile.load(location.path, origin: location.origin)
        if json {
            try emit(Result(file: location.path, origin: location.origin, found: true, valid: loaded.problems.isEmpty,
                            searched: [], problems: loaded.problems))
        } else if loaded.problems.isEmpty {
            print("\(location.path): valid")
        } else {
            for problem in loaded.problems { print(problem.description) }
            let count = loaded.problems.count
            print("\(location.path): \(count) problem\(count == 1 ? "" : "s")")
        }
        if !loaded.problems.isEmpty { throw ExitCode(1) }
    }

    private func emit(_ result: Result) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
}
