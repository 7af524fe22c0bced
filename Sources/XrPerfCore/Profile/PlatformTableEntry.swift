/// One built-in platform rule and the reason for it.
public struct PlatformTableEntry: Sendable, Equatable {
    /// Stable id, shown as the source of the values it sets.
    public var id: String
    /// One line: why this platform gets these values.
    public var why: String
    public var rule: ProfileRule
}
