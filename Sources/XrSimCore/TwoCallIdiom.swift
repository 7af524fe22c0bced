/// What the "two-call idiom" (spec 2.11, buffer size parameters) says to do
/// with a caller's capacity for `count` elements.
public enum TwoCallDecision: Equatable, Sendable {
    /// Only report the count: capacity 0 is a size query.
    case reportCountOnly
    /// Report the count and fail with XR_ERROR_SIZE_INSUFFICIENT.
    case insufficient
    /// Report the count and write all elements.
    case write
    /// The call is malformed (no count output, or a capacity without a buffer).
    case invalid
}

public func twoCallDecision(capacity: UInt32, count: Int, hasCountOutput: Bool, hasBuffer: Bool) -> TwoCallDecision {
    guard hasCountOutput else { return .invalid }
    if capacity == 0 { return .reportCountOnly }
    guard hasBuffer else { return .invalid }
    return Int(capacity) < count ? .insufficient : .write
}
