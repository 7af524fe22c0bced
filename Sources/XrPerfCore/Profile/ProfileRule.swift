/// One `platforms` or `apps` entry of a profile, or a built-in table entry.
public struct ProfileRule: Sendable, Equatable {
    /// Optional label: logs say which rule applied in words.
    public var name: String?
    public var match: ProfileMatch
    public var settings: ProfileSettingsLayer

    public init(name: String? = nil, match: ProfileMatch, settings: ProfileSettingsLayer) {
        self.name = name
        self.match = match
        self.settings = settings
    }
}
