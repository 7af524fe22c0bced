import Glibc

/// --render-idle-ms: the render thread waiting, not working, the way an
/// engine's render thread waits on its game thread or a lock before its
/// first vkQueueSubmit. Wall time passes; the thread uses no CPU.
enum IdleWait {
    /// Sleeps at least `nanoseconds` of CLOCK_MONOTONIC time (a signal does
    /// not cut it short).
    static func sleep(nanoseconds: UInt64) {
        guard nanoseconds > 0 else { return }
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
