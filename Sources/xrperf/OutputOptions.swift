import ArgumentParser

/// Output options every reporting subcommand shares.
struct OutputOptions: ParsableArguments {
    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Print one JSON object on standard output instead of text.",
            discussion: """
                Nothing else is written to standard output, so the result can be \
                piped to a JSON tool. Field names are stable within a major version.
                """
        )
    )
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "When to colour text output: auto, always or never.",
            discussion: """
                auto (the default) colours only when standard output is a terminal \
                and NO_COLOR is not set. Ignored with --json.
                """,
            valueName: "when"
        )
    )
    var color: ColorChoice = .auto
}

/// `--color` values.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}
