import Foundation

/// What the text renderer needs to know about where it writes.
struct Terminal {
    var colors: Bool

    init(choice: ColorChoice, environment: [String: String]) {
        switch choice {
        case .always: colors = true
        case .never: colors = false
        case .auto: colors = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil
        }
    }

    /// Wraps `text` in an SGR sequence when colours are on.
    func paint(_ text: String, _ sgr: String) -> String {
        colors ? "\u{1B}[\(sgr)m\(text)\u{1B}[0m" : text
    }
}
