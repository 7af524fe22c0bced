import Foundation
import XrPerfCore

/// Reading a profile from disk for the profile subcommands, with the same
/// limits and messages the layer uses.
enum ProfileFile {
    struct Loaded {
        var path: String
        var origin: String
        var document: ProfileDocument?
        var problems: [ProfileProblem]
    }

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The profile the search order finds; nil when there is none.
    static func located() -> ProfileSearch.Location? {
        ProfileSearch.locate(environment: environment) { FileManager.default.fileExists(atPath: $0) }
    }

    /// Reads and validates `path`; a file that cannot be read is one problem.
    static func load(_ path: String, origin: String) -> Loaded {
        func failed(_ message: String) -> Loaded {
            let problem = ProfileProblem(file: path, position: ProfilePosition(line: 1, column: 1), path: "", message: message)
            return Loaded(path: path, origin: origin, document: nil, problems: [problem])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return failed("cannot read: no such file")
        }
        if isDirectory.boolValue { return failed("cannot read: is a directory") }
        // The size first: a 50 MB file is refused without reading it.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            let problem = ProfileValidator.oversized(byteCount: size, file: path)
        {
            return Loaded(path: path, origin: origin, document: nil, problems: [problem])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return failed("cannot read: permission denied or not a regular file")
        }
        let result = ProfileValidator.load(Array(data), file: path)
        return Loaded(path: path, origin: origin, document: result.document, problems: result.problems)
    }
}
