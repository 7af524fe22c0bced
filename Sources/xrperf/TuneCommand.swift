import ArgumentParser

/// `xrperf tune`: the group of learned-settings subcommands.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Show or reset the settings the layer learned per app.",
        discussion: """
            At the end of each session the layer stores, per app and platform \
            (runtime / system / GPU), the render scale and frame divisor the \
            session could sustain; the next session of that app on that platform \
            starts from them. They live in $XDG_STATE_HOME/xrperf/learned.json \
            (default ~/.local/state/xrperf/learned.json). Sessions shorter than \
            300 frames are not learned from; at most 256 app/platform pairs are \
            kept, the least recently updated evicted first. docs/profile.md \
            ("Learned settings") describes the file and how sessions are merged.

            Examples:
              xrperf tune show
              xrperf tune show --app hello_xr --json
              xrperf tune reset --app hello_xr
              xrperf tune reset --all
            """,
        subcommands: [TuneShowCommand.self, TuneResetCommand.self]
    )
}
