/// Frame-rate cap by whole display periods (`throttle.targetFps`): the app
/// renders every d-th period and the runtime reprojects in between, so frames
/// stay evenly paced instead of alternating fast and slow. The layer sleeps in
/// xrWaitFrame before calling down, until shortly after the (d-1)-th period
/// boundary since the last frame; the runtime's own wait then lands on the d-th.
public enum FrameThrottle {
    /// Whole display periods per frame for a target rate: the smallest divisor
    /// whose rate does not exceed the target (1 when there is no cap or the
    /// target is at or above the display rate).
    public static func divisor(targetFps: Double, periodNs: Int64) -> UInt32 {
        guard targetFps.isFinite, targetFps > 0, periodNs > 0 else { return 1 }
        let displayHz = 1e9 / Double(periodNs)
        let ratio = displayHz / targetFps
        guard ratio > 1.0001 else { return 1 }
        // A small tolerance: 90 Hz capped at 45 fps is exactly 2, not 3.
        return UInt32(min(16, (ratio - 0.001).rounded(.up)))
    }

    /// When to call down the chain for the next frame, or nil to call at once.
    public static func wakeTime(lastWaitReturnNs: Int64, periodNs: Int64, divisor: UInt32) -> Int64? {
        guard divisor > 1, periodNs > 0, lastWaitReturnNs > 0 else { return nil }
        return lastWaitReturnNs + Int64(divisor - 1) * periodNs + periodNs / 4
    }
}
