/// OpenXR structs carry names as fixed char arrays, which Swift sees as
/// tuples. Reads one without trusting it to be NUL-terminated.
func stringFromFixedArray<Tuple>(_ tuple: Tuple) -> String {
    withUnsafeBytes(of: tuple) { bytes in
        let length = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: bytes.prefix(length), as: UTF8.self)
    }
}

/// Compares a fixed char array with a Swift string, again without trusting
/// the array's terminator.
func fixedArray<Tuple>(_ tuple: Tuple, equals text: String) -> Bool {
    stringFromFixedArray(tuple) == text
}
