/// A valid profile file, as the resolver applies it.
public struct ProfileDocument: Sendable, Equatable {
    public static let version = 1

    public var defaults: ProfileSettingsLayer
    public var platforms: [ProfileRule]
    public var apps: [ProfileRule]

    public init(defaults: ProfileSettingsLayer = ProfileSettingsLayer(), platforms: [ProfileRule] = [], apps: [ProfileRule] = []) {
        self.defaults = defaults
        self.platforms = platforms
        self.apps = apps
    }
}
