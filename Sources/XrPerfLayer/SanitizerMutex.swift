#if XRPERF_SANITIZE
import Glibc

/// Sanitizer builds only (XRPERF_SANITIZE=1, `make sanitize`): inside this
/// module this type shadows Synchronization.Mutex, so every lock of the layer
/// becomes a pthread mutex, whose lock and unlock ThreadSanitizer intercepts.
/// Synchronization.Mutex takes a contended lock in the kernel (FUTEX_LOCK_PI,
/// from the prebuilt, uninstrumented stdlib): TSan sees neither that acquire
/// nor the matching release and reports races on everything the lock guards
/// as soon as two threads meet at it. The shipped build keeps
/// Synchronization.Mutex; what is locked where is the same in both.
final class Mutex<Value: ~Copyable>: @unchecked Sendable {  // `value` only under `mutex`
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ initialValue: consuming Value) {
        value = initialValue
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<Result: ~Copyable, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
#endif
