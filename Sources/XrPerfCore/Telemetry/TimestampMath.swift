/// Converts two GPU timestamps to nanoseconds the way Vulkan defines them:
/// only `validBits` low bits count (the counter may wrap within them) and one
/// tick lasts `period` nanoseconds. nil when the queue has no timestamps or
/// the result is not a plausible frame duration (over 10 s).
public enum TimestampMath {
    public static let implausibleNanoseconds = 10_000_000_000.0

    public static func nanoseconds(begin: UInt64, end: UInt64, validBits: UInt32, period: Float) -> Int64? {
        guard validBits > 0, period > 0, period.isFinite else { return nil }
        let mask: UInt64 = validBits >= 64 ? .max : (UInt64(1) << validBits) - 1
        let ticks = ((end & mask) &- (begin & mask)) & mask
        let nanoseconds = Double(ticks) * Double(period)
        guard nanoseconds.isFinite, nanoseconds < implausibleNanoseconds else { return nil }
        return Int64(nanoseconds.rounded())
    }
}
