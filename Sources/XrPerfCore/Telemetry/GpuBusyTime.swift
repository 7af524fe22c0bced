/// App GPU time as the GPU's busy time for the frame: the union of the
/// intervals its submissions ran in, so that the GPU idling before the
/// app's first submission, or between two, is not counted (an engine's
/// render thread that records for 6 ms before it submits 1 ms of work has a
/// 1 ms frame on the GPU, not 7).
///
/// Each interval is a pair of timestamps around one vkQueueSubmit on the
/// app's queue, both written at the bottom of the pipe: the first once all
/// earlier work on the queue is done (so a previous frame still running is
/// not counted), the second once the submission's work is. Ticks wrap within
/// `validBits`; they are taken relative to the first interval's start.
///
/// The timestamps sit in command buffers of their own around the app's, so
/// each interval also holds the device's work between two command buffers:
/// the tail of ours in front and the start of ours behind. `own` is that
/// work measured (a pair of our command buffers with nothing between:
/// `ownTicks`), taken off every interval. On lavapipe, which resets its
/// whole rendering state and waits for its rasteriser at each command
/// buffer, it is about 0.1 ms per interval; on a hardware GPU it has not
/// been measured (no such machine was lent yet), and whatever it reads is
/// what comes off.
public enum GpuBusyTime {
    /// nil when the queue has no timestamps, an interval is implausible
    /// (over 10 s, as TimestampMath) or there are none. `overhead`: ticks
    /// taken off each interval (none is made shorter than nothing).
    public static func nanoseconds(intervals count: Int, validBits: UInt32, period: Float, overhead: UInt64 = 0,
                                   ticks: (Int) -> (begin: UInt64, end: UInt64)) -> Int64? {
        guard count > 0, validBits > 0, period > 0, period.isFinite else { return nil }
        let mask: UInt64 = validBits >= 64 ? .max : (UInt64(1) << validBits) - 1
        let origin = ticks(0).begin & mask
        var busy: UInt64 = 0
        // Submissions run in order; an interval starting before the last one
        // ended overlaps it, and only the part past that end is new.
        var reached: UInt64 = 0
        for index in 0..<count {
            let pair = ticks(index)
            let begin = ((pair.begin & mask) &- origin) & mask
            let end = ((pair.end & mask) &- origin) & mask
            guard end >= begin, Double(end - begin) * Double(period) < TimestampMath.implausibleNanoseconds else {
                return nil
            }
            let from = max(begin, reached)
            let ran = end - begin > overhead ? end - overhead : begin
            if ran > from { busy += ran - from }
            reached = max(reached, ran)
        }
        let nanoseconds = Double(busy) * Double(period)
        guard nanoseconds < TimestampMath.implausibleNanoseconds else { return nil }
        return Int64(nanoseconds.rounded())
    }

    /// The ticks between the timestamps of our two adjacent command
    /// buffers, or nil when the pair is unusable: a counter reset, or longer
    /// than the gap ever is (the device's thread was preempted, on a software
    /// device). The caller keeps the least: a preemption only ever
    /// lengthens a reading.
    public static func ownTicks(_ pair: (begin: UInt64, end: UInt64), validBits: UInt32, period: Float) -> UInt64? {
        guard validBits > 0, period > 0, period.isFinite else { return nil }
        let mask: UInt64 = validBits >= 64 ? .max : (UInt64(1) << validBits) - 1
        let ticks = ((pair.end & mask) &- (pair.begin & mask)) & mask
        return Double(ticks) * Double(period) < ownPlausibleNanoseconds ? ticks : nil
    }

    /// Far longer than the gap between two command buffers, even on a
    /// software device beside a busy CPU.
    static let ownPlausibleNanoseconds = 5_000_000.0
}
