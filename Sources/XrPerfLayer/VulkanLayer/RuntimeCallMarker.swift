import Glibc

/// Marks a thread while it is inside a runtime call that may use the app's
/// queue (a runtime transitions swapchain images there: Monado submits in
/// xrAcquireSwapchainImage and xrReleaseSwapchainImage through the app's own
/// device). Such submissions are the runtime's work, not the app's: the
/// Vulkan layer passes them through unbracketed, and the next bracket,
/// written at the bottom of the pipe, starts after them. A pthread key: no
/// allocation, one load to test.
enum RuntimeCallMarker {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static func during<Result>(_ call: () -> Result) -> Result {
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1))
        defer { pthread_setspecific(key, nil) }
        return call()
    }

    static var active: Bool { pthread_getspecific(key) != nil }
}
