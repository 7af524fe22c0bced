/// Hands out handle values. Values are never reused for the life of the
/// process, so a handle of a destroyed object, or one of another type, is
/// always recognised as invalid instead of aliasing a newer object.
public struct HandleAllocator: Sendable {
    private var next: UInt64

    /// Starts well above small integers so that stray small values (1, 2, ...)
    /// passed as handles are never valid.
    public init(first: UInt64 = 0x5853_0000_0001) { next = first }

    public mutating func allocate() -> UInt64 {
        defer { next += 1 }
        return next
    }
}

/// Live objects of one kind by handle value.
public struct HandleTable<Object> {
    private var objects: [UInt64: Object] = [:]

    public init() {}

    public subscript(handle: UInt64) -> Object? { objects[handle] }

    public mutating func insert(_ object: Object, as handle: UInt64) { objects[handle] = object }

    @discardableResult
    public mutating func remove(_ handle: UInt64) -> Object? { objects.removeValue(forKey: handle) }

    public var handles: [UInt64] { Array(objects.keys).sorted() }

    public var count: Int { objects.count }

    /// Handles whose object matches, in creation order: how children of a
    /// destroyed parent are found.
    public func handles(where predicate: (Object) -> Bool) -> [UInt64] {
        objects.filter { predicate($0.value) }.map(\.key).sorted()
    }
}
