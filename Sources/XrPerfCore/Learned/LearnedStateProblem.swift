/// Why a learned-state file cannot be used, and where. The layer logs it and
/// starts from nothing (the file is replaced at the next session end); the CLI
/// prints it with the file's path.
public struct LearnedStateProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not JSON at all: binary, invalid UTF-8, a syntax error.
        case notJSON
        /// JSON that stops in the middle: a write cut short.
        case truncated
        /// Over LearnedState.maximumFileBytes or maximumEntries.
        case tooLarge
        /// A version this build does not read.
        case wrongVersion
        /// A key missing, unknown or of the wrong type, or a value out of range.
        case invalidValue
        /// Two entries for the same application and platform.
        case duplicateEntry
    }

    public var kind: Kind
    /// Where in the document, as in "entries[2].renderScale"; empty for the whole file.
    public var path: String
    /// Line and column of the offending value, when known.
    public var position: ProfilePosition?
    public var message: String

    public init(_ kind: Kind, _ message: String, path: String = "", position: ProfilePosition? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
        self.position = position
    }

    /// The problem of a file of `byteCount` bytes, for readers that check the
    /// size before reading (a huge file is refused unread).
    public static func tooLarge(byteCount: Int) -> LearnedStateProblem? {
        guard byteCount > LearnedState.maximumFileBytes else { return nil }
        return LearnedStateProblem(
            .tooLarge, "file is \(byteCount) bytes; a learned-state file may be at most \(LearnedState.maximumFileBytes) bytes")
    }

    /// "line 3, column 20: entries[0].renderScale: expected ...".
    public var description: String {
        var text = ""
        if let position { text += "line \(position.line), column \(position.column): " }
        if !path.isEmpty { text += path + ": " }
        return text + message
    }
}
