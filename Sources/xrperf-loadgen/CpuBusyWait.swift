import Glibc

/// The CPU load: spinning, not sleeping, so the time shows up as CPU work the
/// way a heavy game thread's would.
enum CpuBusyWait {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The calling thread's own CPU time in nanoseconds.
    static func threadCpu() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Spins until the calling thread has used `nanoseconds` more of its
    /// own CPU time: the work is the same on a busy machine (where the wall
    /// time it takes grows) as on an idle one, and waits are not part of it.
    static func spin(cpuNanoseconds nanoseconds: UInt64) {
        guard nanoseconds > 0 else { return }
        let deadline = threadCpu() + nanoseconds
        while threadCpu() < deadline {}
    }
}
