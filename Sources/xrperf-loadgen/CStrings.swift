import Glibc

/// Copies `text` into a fixed-size C char array of an imported struct (a
/// tuple in Swift), truncating and always terminating it.
func copyCString<Tuple>(_ text: String, into tuple: inout Tuple) {
    withUnsafeMutableBytes(of: &tuple) { buffer in
        let bytes = Array(text.utf8.prefix(buffer.count - 1))
        buffer.copyBytes(from: bytes)
        buffer[bytes.count] = 0
    }
}

/// Reads a NUL-terminated C char array of an imported struct.
func stringFromCString<Tuple>(_ tuple: Tuple) -> String {
    withUnsafeBytes(of: tuple) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
}

/// Keeps C copies of strings alive for a create-info's name list.
final class CStringList {
    let pointers: [UnsafePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { UnsafePointer(strdup($0)) }
    }

    deinit {
        for pointer in pointers { free(UnsafeMutablePointer(mutating: pointer)) }
    }
}
