import XrPerfCore

/// Frames already published whose app GPU time is still on its way back
/// from the GPU, oldest first. Resolved frames leave from the front only, so a
/// recording keeps frame order. Fixed capacity: no allocation per frame.
struct PendingGpuFrames {
    /// Timestamps come back within a few frames; a frame still unresolved
    /// after this many newer ones is given up as unmeasured.
    static let capacity = 8

    private var frames = [FrameRecord](repeating: FrameRecord(), count: capacity)
    private var resolved = [Bool](repeating: false, count: capacity)
    private var head = 0
    private(set) var count = 0

    var isFull: Bool { count == Self.capacity }

    mutating func append(_ frame: FrameRecord, resolved isResolved: Bool) {
        let index = (head + count) % Self.capacity
        frames[index] = frame
        resolved[index] = isResolved
        count += 1
    }

    /// Sets the GPU time of a waiting frame; false when it is not waiting.
    mutating func resolve(frame frameIndex: UInt64, gpuNanoseconds: Int64?, busy: Bool = false) -> FrameRecord? {
        for offset in 0..<count {
            let index = (head + offset) % Self.capacity
            guard frames[index].frameIndex == frameIndex, !resolved[index] else { continue }
            frames[index].appGpuNs = gpuNanoseconds
            if busy { frames[index].features.insert(.gpuBusy) }
            frames[index].flags.remove(.gpuPending)
            if gpuNanoseconds == nil { frames[index].flags.insert(.gpuUnavailable) }
            resolved[index] = true
            return frames[index]
        }
        return nil
    }

    /// Gives up on the oldest frame (marks it unmeasured) and returns it.
    mutating func abandonOldest() -> FrameRecord? {
        guard count > 0 else { return nil }
        if !resolved[head] {
            frames[head].flags.remove(.gpuPending)
            frames[head].flags.insert(.gpuUnavailable)
            resolved[head] = true
        }
        return frames[head]
    }

    /// Removes and hands over resolved frames from the front.
    mutating func popResolved(_ body: (FrameRecord) -> Void) {
        while count > 0, resolved[head] {
            body(frames[head])
            head = (head + 1) % Self.capacity
            count -= 1
        }
    }
}
