import Glibc

/// The CPU load: spinning, not sleeping, so the time shows up as CPU work the
/// way a heavy game thread's would.
enum CpuBusyWait {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Spins until CLOCK_MONOTONIC reaches `deadline` (nanoseconds).
    static func spin(until deadline: UInt64) {
        while now() < deadline {}
    }
}
