import COpenXR

/// Longest `next` chain walked: a cyclic chain must not hang the runtime.
private let maxChainLength = 64

/// The first structure of `type` in an input `next` chain; unknown structures are skipped.
func findInChain(_ next: UnsafeRawPointer?, _ type: XrStructureType) -> UnsafeRawPointer? {
    var current = next?.assumingMemoryBound(to: XrBaseInStructure.self)
    var steps = 0
    while let node = current, steps < maxChainLength {
        if node.pointee.type == type { return UnsafeRawPointer(node) }
        current = node.pointee.next
        steps += 1
    }
    return nil
}

/// The first structure of `type` in an output `next` chain.
func findInOutputChain(_ next: UnsafeMutableRawPointer?, _ type: XrStructureType) -> UnsafeMutableRawPointer? {
    var current = next?.assumingMemoryBound(to: XrBaseOutStructure.self)
    var steps = 0
    while let node = current, steps < maxChainLength {
        if node.pointee.type == type { return UnsafeMutableRawPointer(node) }
        current = node.pointee.next
        steps += 1
    }
    return nil
}
