import Glibc
import Synchronization
import XrPerfCore

/// The frame-rate cap of one session (`throttle.targetFps`). The target can
/// change at any time (profile reload, on another thread); the frame path
/// reads it and its own pacing state through atomics, never a lock.
final class SessionThrottle: Sendable {
    private let targetFpsBits = Atomic<UInt64>(0)
    private let lastWaitReturnNs = Atomic<Int64>(0)
    private let periodNs = Atomic<Int64>(0)

    init(targetFps: Double) {
        setTarget(targetFps)
    }

    func setTarget(_ fps: Double) {
        targetFpsBits.store(fps.bitPattern, ordering: .relaxed)
    }

    var targetFps: Double { Double(bitPattern: targetFpsBits.load(ordering: .relaxed)) }

    /// Periods per frame for the next frame, from the last known display period.
    var divisor: UInt32 {
        FrameThrottle.divisor(targetFps: targetFps, periodNs: periodNs.load(ordering: .relaxed))
    }

    /// xrWaitFrame, before calling down: sleeps until the throttle's wake
    /// time, if any; returns the nanoseconds slept (not the layer's CPU time).
    func pace(divisor: UInt32) -> Int64 {
        guard let wake = FrameThrottle.wakeTime(lastWaitReturnNs: lastWaitReturnNs.load(ordering: .relaxed),
                                                periodNs: periodNs.load(ordering: .relaxed), divisor: divisor)
        else { return 0 }
        let before = Int64(monotonicNanoseconds())
        guard wake > before else { return 0 }
        var until = timespec(tv_sec: Int(wake / 1_000_000_000), tv_nsec: Int(wake % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nil) == EINTR {}
        return Int64(monotonicNanoseconds()) - before
    }

    /// xrWaitFrame returned: remember when, and the display period.
    func frameWaited(atNs now: Int64, periodNs period: Int64) {
        lastWaitReturnNs.store(now, ordering: .relaxed)
        if period > 0 { periodNs.store(period, ordering: .relaxed) }
    }
}
