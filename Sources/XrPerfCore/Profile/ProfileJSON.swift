/// A JSON value from a profile file with the place it was written, so every
/// validation error can name line and column. Object members keep file order
/// (rules are ordered and errors are reported in reading order).
public struct ProfileJSON: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The number and its text as written: errors quote what the user typed.
        case number(Double, text: String)
        case string(String)
        case array([ProfileJSON])
        case object([Member])
    }

    public struct Member: Sendable, Equatable {
        public var key: String
        public var keyPosition: ProfilePosition
        public var value: ProfileJSON
    }

    public var value: Value
    public var position: ProfilePosition

    /// How a value is named in "found ..." of an error.
    public var foundDescription: String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(_, let text): return text
        case .string(let text): return "\"\(ProfileText.escaped(text, limit: 40))\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// 1-based line and column (in Unicode scalars, as editors count them).
public struct ProfilePosition: Sendable, Equatable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
