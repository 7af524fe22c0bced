import Synchronization
import XrPerfCore

/// Finished frames handed from xrEndFrame (where their GPU time comes back)
/// to xrWaitFrame (where the controller decides), which apps may call on
/// different threads. A fixed ring behind a lock held for a copy: no
/// allocation after set-up, no lock across a call down. When full, the
/// oldest frames give way: the controller needs the recent ones.
final class ObservationMailbox: Sendable {
    static let capacity = 64

    private struct Ring: ~Copyable, @unchecked Sendable {
        let slots: UnsafeMutablePointer<FrameObservation>
        var head = 0
        var count = 0
    }

    private let ring: Mutex<Ring>

    init() {
        let slots = UnsafeMutablePointer<FrameObservation>.allocate(capacity: Self.capacity)
        slots.initialize(repeating: FrameObservation(frameIndex: 0, periodMs: 0, appGPUms: nil, appCPUms: nil,
                                                     settings: .best), count: Self.capacity)
        ring = Mutex(Ring(slots: slots))
    }

    deinit {
        ring.withLock { $0.slots.deallocate() }
    }

    func post(_ observation: FrameObservation) {
        ring.withLock { ring in
            let index = (ring.head + ring.count) % Self.capacity
            ring.slots[index] = observation
            if ring.count < Self.capacity {
                ring.count += 1
            } else {
                ring.head = (ring.head + 1) % Self.capacity
            }
        }
    }

    /// Hands every waiting frame, oldest first, to `deliver`, which must be
    /// quick: the lock is held meanwhile.
    func drain(_ deliver: (FrameObservation) -> Void) {
        ring.withLock { ring in
            while ring.count > 0 {
                deliver(ring.slots[ring.head])
                ring.head = (ring.head + 1) % Self.capacity
                ring.count -= 1
            }
        }
    }
}
