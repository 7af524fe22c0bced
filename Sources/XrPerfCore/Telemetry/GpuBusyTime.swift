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
public enum GpuBusyTime {
    /// nil when the queue has no timestamps, an interval is implausible
    /// (over 10 s, as TimestampMath) or there are none.
    public static func nanoseconds(intervals count: Int, validBits: UInt32, period: Float,
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
            if end > from { busy += end - from }
            reached = max(reached, end)
        }
        let nanoseconds = Double(busy) * Double(period)
        guard nanoseconds < TimestampMath.implausibleNanoseconds else { return nil }
        return Int64(nanoseconds.rounded())
    }
}
