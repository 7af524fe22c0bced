import COpenXR
import Glibc
import XrPerfCore

/// The calling thread's own CPU time, for app CPU time per thread
/// (FrameTimeline): read in the frame hooks, one clock_gettime each.
enum ThreadCpuClock {
    static func now() -> ThreadClock {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return ThreadClock(thread: Int32(xrperf_gettid()), cpuNs: nanoseconds(time))
    }

    /// Another thread's CPU time now, by its kernel thread id, or nil when
    /// it has gone. The clock id is the kernel's per-thread scheduler clock
    /// (what pthread_getcpuclockid makes), which, unlike a pthread_t of a
    /// thread that has exited, is safe to ask about any id.
    static func read(thread: Int32) -> ThreadClock? {
        guard thread > 0 else { return nil }
        let perThreadScheduler: UInt32 = 6
        let id = clockid_t(Int32(bitPattern: (~UInt32(bitPattern: thread)) << 3 | perThreadScheduler))
        var time = timespec()
        guard clock_gettime(id, &time) == 0 else { return nil }
        return ThreadClock(thread: thread, cpuNs: nanoseconds(time))
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}
