import ArgumentParser
import XrPerfCore

/// `xrperf profile show`: the effective settings outside any app.
struct ProfileShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the effective settings and where each value comes from.",
        discussion: """
            Resolves the profile the search order finds, the built-in platform \
            table and the XRPERF_* variables of this shell for this machine with no \
            app, runtime or GPU known (rules that test those do not apply; use \
            `xrperf profile resolve` for a given platform). An invalid profile is \
            reported and ignored, as the layer does.

            Examples:
              xrperf profile show
              XRPERF_PRESET=quality xrperf profile show --json
            """
    )

    @Flag(name: .long, help: "Print one JSON object on standard output instead of text.")
    var json = false

    func run() throws {
        let loaded = ProfileFile.located().map { ProfileFile.load($0.path, origin: $0.origin) }
        try ProfileReport(loaded: loaded, facts: PlatformFacts(), environment: ProfileFile.environment).print(json: json)
    }
}
