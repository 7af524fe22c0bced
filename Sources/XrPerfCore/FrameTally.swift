/// Frames a session submitted and over what span of time, for the summary the
/// layer prints when a session ends. Fixed-size value: updating it on the frame
/// path allocates nothing.
public struct FrameTally: Sendable, Equatable {
    public private(set) var frames: UInt64 = 0
    public private(set) var firstNanoseconds: UInt64 = 0
    public private(set) var lastNanoseconds: UInt64 = 0

    public init() {}

    public mutating func recordFrame(atNanoseconds now: UInt64) {
        if frames == 0 { firstNanoseconds = now }
        lastNanoseconds = max(lastNanoseconds, now)
        frames &+= 1
    }

    /// Seconds from the first to the last submitted frame.
    public var seconds: Double {
        frames < 2 ? 0 : Double(lastNanoseconds - firstNanoseconds) / 1e9
    }

    /// Mean submission rate over the frames' span; nil until two frames exist.
    public var framesPerSecond: Double? {
        guard frames >= 2, lastNanoseconds > firstNanoseconds else { return nil }
        return Double(frames - 1) / seconds
    }
}
