/// Bounds on what the profile parser accepts. A profile is a few kilobytes;
/// the bounds keep a wrong file (a video, a log, hostile nesting) from
/// costing the host app time or stack: it fails at once with a clear error.
public struct ProfileJSONLimits: Sendable, Equatable {
    public var maximumBytes: Int
    /// Arrays and objects inside each other; the parser recurses once per level.
    public var maximumDepth: Int

    public init(maximumBytes: Int = 1 << 20, maximumDepth: Int = 64) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
    }
}
