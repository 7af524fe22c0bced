/// A reader's position in a session's shared-memory ring (telemetry.h), and
/// the rules for reading it without the writer's help:
///
/// - the writer stores frame P in slot P % capacity while `publishedCount`
///   is P, then publishes P + 1; so with P published, frames
///   P - capacity + 1 ... P - 1 are intact;
/// - a copy of frame n is valid when, read *after* copying, P < n + capacity
///   (the writer had not started on the frame that reuses the slot);
/// - the app GPU time of a frame arrives a frame or two later (the slot is
///   rewritten); a frame still `gpuPending` is read again later, and taken as
///   it is once `settleFrames` newer frames are published.
public struct RingCursor: Sendable, Equatable {
    public let capacity: UInt64
    /// The next frame (publish index) to read.
    public private(set) var next: UInt64
    /// Frames lost because the writer lapped the reader.
    public private(set) var dropped: UInt64 = 0

    public static let settleFrames: UInt64 = 8
    /// After a lap, restart this far ahead of the oldest intact frame so the
    /// writer does not lap again at once.
    public static let lapMargin: UInt64 = 16

    public init(capacity: UInt64, start: UInt64) {
        self.capacity = max(1, capacity)
        next = start
    }

    /// The oldest frame that is intact with `published` frames out.
    public static func oldestIntact(published: UInt64, capacity: UInt64) -> UInt64 {
        published >= capacity ? published - capacity + 1 : 0
    }

    /// Skips frames already overwritten; returns how many were lost.
    @discardableResult
    public mutating func skipLapped(published: UInt64) -> UInt64 {
        let oldest = Self.oldestIntact(published: published, capacity: capacity)
        guard next < oldest else { return 0 }
        let restart = min(published, oldest + min(Self.lapMargin, capacity / 2))
        let lost = restart - next
        dropped += lost
        next = restart
        return lost
    }

    public enum Step: Equatable, Sendable {
        /// Keep the copy and move on.
        case take
        /// Not ready (GPU time pending): try again later; do not read past it.
        case wait
        /// The copy is from a later lap: count it as lost and move on.
        case lost
    }

    /// What to do with the copy of frame `next` just read, given the published
    /// count read after copying and whether its GPU time is still pending.
    public func decide(publishedAfterRead published: UInt64, gpuPending: Bool) -> Step {
        // As differences: `next + capacity` overflows when a file's published
        // count is near UInt64.max, and a count gone backwards keeps the copy.
        guard published < next || published - next < capacity else { return .lost }
        if gpuPending && (published < next || published - next < 1 + Self.settleFrames) { return .wait }
        return .take
    }

    public mutating func advance(lost: Bool = false) {
        if lost { dropped += 1 }
        next += 1
    }
}
