/// Where the profile file is, following the XDG base directory spec.
public enum ProfileSearch {
    public struct Location: Sendable, Equatable {
        public var path: String
        /// `XRPERF_PROFILE`, `XDG_CONFIG_HOME` or `XDG_CONFIG_DIRS`.
        public var origin: String

        public init(path: String, origin: String) {
            self.path = path
            self.origin = origin
        }
    }

    /// The candidates in search order. `$XRPERF_PROFILE`, when set, is the
    /// only one: a typo there must be reported, not fall back silently to
    /// another file. Relative XDG entries are ignored, as the spec says.
    public static func candidates(environment: [String: String]) -> [Location] {
        if let explicit = environment["XRPERF_PROFILE"], !explicit.isEmpty {
            return [Location(path: explicit, origin: "XRPERF_PROFILE")]
        }
        var result: [Location] = []
        let suffix = "/xrperf/profile.json"
        if let home = environment["XDG_CONFIG_HOME"], home.hasPrefix("/") {
            result.append(Location(path: trimmed(home) + suffix, origin: "XDG_CONFIG_HOME"))
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            result.append(Location(path: trimmed(home) + "/.config" + suffix, origin: "XDG_CONFIG_HOME"))
        }
        let dirs = environment["XDG_CONFIG_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/etc/xdg"
        for dir in dirs.split(separator: ":") where dir.hasPrefix("/") {
            result.append(Location(path: trimmed(String(dir)) + suffix, origin: "XDG_CONFIG_DIRS"))
        }
        return result
    }

    /// The profile to load; nil: built-in defaults only.
    public static func locate(environment: [String: String], exists: (String) -> Bool) -> Location? {
        let all = candidates(environment: environment)
        if let first = all.first, first.origin == "XRPERF_PROFILE" { return first }
        return all.first { exists($0.path) }
    }

    private static func trimmed(_ dir: String) -> String {
        var dir = dir
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        return dir == "/" ? "" : dir
    }
}
