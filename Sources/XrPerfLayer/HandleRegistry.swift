import Synchronization

/// Maps one kind of OpenXR handle to the layer's state for it. Tables stay a
/// few entries long (instances, sessions, swapchains of live apps), so a
/// linear scan under a short lock beats hashing and never allocates on lookup.
/// The lock is never held while calling down the chain.
final class HandleRegistry<State: AnyObject & Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: UInt
        var state: State
    }

    private let entries: Mutex<[Entry]>

    init(reserving capacity: Int) {
        var storage: [Entry] = []
        storage.reserveCapacity(capacity)
        entries = Mutex(storage)
    }

    func insert(_ key: UInt, _ state: State) {
        entries.withLock { entries in
            if let index = entries.firstIndex(where: { $0.key == key }) {
                entries[index].state = state
            } else {
                entries.append(Entry(key: key, state: state))
            }
        }
    }

    func lookup(_ key: UInt) -> State? {
        entries.withLock { entries in
            for entry in entries where entry.key == key { return entry.state }
            return nil
        }
    }

    @discardableResult
    func remove(_ key: UInt) -> State? {
        entries.withLock { entries in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            return entries.remove(at: index).state
        }
    }

    /// Removes every entry whose state matches, e.g. the children of a
    /// destroyed parent handle, and returns them.
    func removeAll(where matches: (State) -> Bool) -> [State] {
        entries.withLock { entries in
            var removed: [State] = []
            entries.removeAll { entry in
                guard matches(entry.state) else { return false }
                removed.append(entry.state)
                return true
            }
            return removed
        }
    }

    var count: Int { entries.withLock { $0.count } }

    /// Every live state, for work off the frame path (profile reload).
    func snapshot() -> [State] {
        entries.withLock { $0.map(\.state) }
    }
}

/// OpenXR handles are pointer-sized; the registry keys on their bit pattern.
@inline(__always)
func handleKey(_ handle: OpaquePointer?) -> UInt {
    UInt(bitPattern: Int(bitPattern: handle))
}
