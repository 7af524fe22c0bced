import COpenXR
import Synchronization
import XrPerfCore

/// XR_EXT_performance_settings notifications waiting for the app's
/// xrPollEvent: pushed from xrWaitFrame, popped in xrPollEvent, possibly on
/// another thread. A few fixed slots behind a short lock; when full, the
/// oldest gives way (levels are states: the newest matters).
final class PerformanceEventQueue: Sendable {
    static let capacity = 8

    private struct Pending: Sendable {
        var domain: UInt32 = 0
        var from: UInt32 = 0
        var to: UInt32 = 0
    }

    private struct Ring: Sendable {
        var events = InlineArray<8, Pending>(repeating: Pending())
        var head = 0
        var count = 0
    }

    private let ring = Mutex(Ring())

    func push(domain: XrPerfSettingsDomainEXT, _ change: OverloadNotifier.Transition) {
        let pending = Pending(domain: domain.rawValue, from: change.from.rawValue, to: change.to.rawValue)
        ring.withLock { ring in
            ring.events[(ring.head + ring.count) % Self.capacity] = pending
            if ring.count < Self.capacity { ring.count += 1 } else { ring.head = (ring.head + 1) % Self.capacity }
        }
    }

    /// The oldest waiting event, as the app receives it.
    func pop() -> XrEventDataPerfSettingsEXT? {
        let pending = ring.withLock { ring -> Pending? in
            guard ring.count > 0 else { return nil }
            let pending = ring.events[ring.head]
            ring.head = (ring.head + 1) % Self.capacity
            ring.count -= 1
            return pending
        }
        guard let pending else { return nil }
        var event = XrEventDataPerfSettingsEXT()
        event.type = XR_TYPE_EVENT_DATA_PERF_SETTINGS_EXT
        event.domain = XrPerfSettingsDomainEXT(pending.domain)
        // The app's own work is what overloads the domain.
        event.subDomain = XR_PERF_SETTINGS_SUB_DOMAIN_RENDERING_EXT
        event.fromLevel = XrPerfSettingsNotificationLevelEXT(pending.from)
        event.toLevel = XrPerfSettingsNotificationLevelEXT(pending.to)
        return event
    }
}
