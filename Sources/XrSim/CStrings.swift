/// The string in a fixed-size C char array, nil when it is not terminated
/// within the array (reading on would leave the caller's structure).
func fixedString<T>(_ array: T) -> String? {
    withUnsafeBytes(of: array) { raw -> String? in
        guard let end = raw.firstIndex(of: 0) else { return nil }
        return String(decoding: raw[..<end], as: UTF8.self)
    }
}

/// Copies `text` into a fixed-size C char array, truncated on a UTF-8
/// character boundary and always terminated.
func setFixedString<T>(_ array: inout T, _ text: String) {
    withUnsafeMutableBytes(of: &array) { raw in
        let bytes = utf8Prefix(text, maxBytes: raw.count - 1)
        raw.copyBytes(from: bytes)
        raw[bytes.count] = 0
    }
}

func utf8Prefix(_ text: String, maxBytes: Int) -> [UInt8] {
    var bytes = Array(text.utf8)
    guard bytes.count > maxBytes else { return bytes }
    var cut = maxBytes
    while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
    bytes.removeSubrange(cut...)
    return bytes
}

/// A C string argument; nil pointers are the caller's validation failure.
func cString(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
}
