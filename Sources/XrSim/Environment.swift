import Glibc

/// The process environment's XRSIM_* variables, read afresh for each instance
/// so that tests can change them between instances.
func xrsimEnvironment() -> [String: String] {
    var result: [String: String] = [:]
    var entry = environ
    while let cString = entry.pointee {
        let text = String(cString: cString)
        if text.hasPrefix("XRSIM_"), let eq = text.firstIndex(of: "=") {
            result[String(text[..<eq])] = String(text[text.index(after: eq)...])
        }
        entry += 1
    }
    return result
}
