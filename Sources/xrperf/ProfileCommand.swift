import ArgumentParser

/// `xrperf profile`: the group of profile subcommands.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Validate, inspect and create xrperf profiles.",
        discussion: """
            A profile is a JSON file that tunes xrperf per app and per platform \
            (docs/profile.md). Search order: $XRPERF_PROFILE, \
            $XDG_CONFIG_HOME/xrperf/profile.json (default ~/.config), each \
            $XDG_CONFIG_DIRS entry (default /etc/xdg) + /xrperf/profile.json; \
            without one the built-in defaults apply.

            Examples:
              xrperf profile init
              xrperf profile validate
              xrperf profile resolve --runtime WiVRn --gpu-vendor amd
              xrperf profile show --json | jq '.settings[] | select(.source != "built-in default")'
            """,
        subcommands: [
            ProfileValidateCommand.self, ProfileShowCommand.self, ProfileResolveCommand.self, ProfileInitCommand.self,
        ]
    )
}
