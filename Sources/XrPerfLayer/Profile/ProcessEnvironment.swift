import Glibc

/// The process environment as a dictionary, for the pure profile code. Read
/// when a session starts, never on the frame path.
func processEnvironment() -> [String: String] {
    var result: [String: String] = [:]
    var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
    while let current = entry, let pointer = current.pointee {
        let text = String(cString: pointer)
        if let separator = text.firstIndex(of: "=") {
            result[String(text[..<separator])] = String(text[text.index(after: separator)...])
        }
        entry = current + 1
    }
    return result
}
