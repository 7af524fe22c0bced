import Synchronization
import XrPerfCore

/// Single-producer single-consumer ring of finished frames, from the frame
/// thread to the recording thread. Preallocated; push never allocates or
/// blocks: when the writer falls a whole ring behind, frames are counted as
/// dropped instead of stalling the app.
final class FrameRingBuffer: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<FrameRecord>
    private let capacity: Int
    private let head = Atomic<Int>(0)  // next slot to read (consumer)
    private let tail = Atomic<Int>(0)  // next slot to write (producer)
    private let droppedCount = Atomic<UInt64>(0)

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
        storage.initialize(repeating: FrameRecord(), count: capacity)
    }

    deinit {
        storage.deinitialize(count: capacity)
        storage.deallocate()
    }

    /// Producer side.
    func push(_ frame: FrameRecord) {
        let tailIndex = tail.load(ordering: .relaxed)
        if tailIndex - head.load(ordering: .acquiring) >= capacity {
            droppedCount.add(1, ordering: .relaxed)
            return
        }
        storage[tailIndex % capacity] = frame
        tail.store(tailIndex + 1, ordering: .releasing)
    }

    /// Consumer side: hands every queued frame to `body`, oldest first.
    func drain(_ body: (FrameRecord) -> Void) {
        var headIndex = head.load(ordering: .relaxed)
        let tailIndex = tail.load(ordering: .acquiring)
        while headIndex < tailIndex {
            body(storage[headIndex % capacity])
            headIndex += 1
            head.store(headIndex, ordering: .releasing)
        }
    }

    var dropped: UInt64 { droppedCount.load(ordering: .relaxed) }
}
