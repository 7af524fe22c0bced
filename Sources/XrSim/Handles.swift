/// XR handles are never-reused ids dressed as pointers; objects are found by
/// id in the registry, never by dereferencing what the application passes.
func handleID(_ handle: OpaquePointer?) -> UInt64 {
    UInt64(UInt(bitPattern: handle))
}

func makeHandle(_ id: UInt64) -> OpaquePointer? {
    OpaquePointer(bitPattern: UInt(id))
}
