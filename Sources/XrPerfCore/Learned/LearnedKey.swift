/// Which learned settings a session uses: the app as it names itself in
/// XrApplicationInfo and the platform it runs on. Settings sustained on one
/// headset and GPU say little about another, so the platform is part of the key.
public struct LearnedKey: Sendable, Hashable, Comparable {
    public var application: String
    public var platform: String

    public init(application: String, platform: String) {
        self.application = application
        self.platform = platform
    }

    /// The platform text the layer and the CLI both build, so a key written by
    /// one matches the other: "<runtime name> / <system name> / <GPU name>".
    public static func platform(runtime: String, system: String, gpu: String) -> String {
        "\(runtime) / \(system) / \(gpu)"
    }

    /// By application, then platform: the file's order and the table's.
    public static func < (lhs: LearnedKey, rhs: LearnedKey) -> Bool {
        (lhs.application, lhs.platform) < (rhs.application, rhs.platform)
    }
}
