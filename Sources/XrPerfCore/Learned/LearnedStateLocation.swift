/// Where the learned state lives, following the XDG base directory spec
/// (state, not configuration: it is written by xrperf, not by the user).
public enum LearnedStateLocation {
    public static let fileName = "learned.json"

    /// $XDG_STATE_HOME/xrperf/learned.json, else $HOME/.local/state/xrperf/learned.json;
    /// nil when neither is set. Relative values are ignored, as the spec says.
    public static func path(environment: [String: String]) -> String? {
        directory(environment: environment).map { $0 + "/" + fileName }
    }

    /// The folder holding the file (created 0700 by whoever writes it first).
    public static func directory(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return trimmed(state) + "/xrperf"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return trimmed(home) + "/.local/state/xrperf"
        }
        return nil
    }

    private static func trimmed(_ dir: String) -> String {
        var dir = dir
        while dir.hasSuffix("/") { dir.removeLast() }
        return dir
    }
}
