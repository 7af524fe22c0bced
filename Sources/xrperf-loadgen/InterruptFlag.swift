import Glibc
import Synchronization

/// SIGINT / SIGTERM ask the session to exit like the runtime would, so the
/// layer's recording and the summary line still come out complete.
enum InterruptFlag {
    private static let raised = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in InterruptFlag.raised.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in InterruptFlag.raised.store(true, ordering: .relaxed) }
        // A parent may hand down a mask with these blocked (test harnesses
        // and some launchers do); blocked, they would never arrive.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGINT)
        sigaddset(&wanted, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
    }

    static var isRaised: Bool { raised.load(ordering: .relaxed) }
}
