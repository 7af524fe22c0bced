import COpenXR

/// A chain without its first struct when that struct is of `type`: only the
/// head can be skipped without writing to the app's structures.
func skippingHead(_ next: UnsafeRawPointer?, of type: XrStructureType) -> UnsafeRawPointer? {
    guard let next else { return nil }
    let header = next.assumingMemoryBound(to: XrBaseInStructure.self).pointee
    return header.type == type ? UnsafeRawPointer(header.next) : next
}
