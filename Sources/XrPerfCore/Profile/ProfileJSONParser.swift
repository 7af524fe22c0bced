/// A strict JSON parser (RFC 8259) that remembers where each value was
/// written. No Foundation: the layer parses profiles inside the host app.
/// Strictness is on purpose: duplicate keys are an error (which one would
/// win is a guess), so are comments and trailing commas (editors and the
/// JSON Schema tools would disagree with us about them).
public struct ProfileJSONParser {
    private let bytes: [UInt8]
    private let limits: ProfileJSONLimits
    private var offset = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    /// Parses a whole document: exactly one value, whitespace around it.
    public static func parse(
        _ bytes: [UInt8], limits: ProfileJSONLimits = ProfileJSONLimits()
    ) throws(ProfileSyntaxError) -> ProfileJSON {
        let start = ProfilePosition(line: 1, column: 1)
        if let problem = ProfileValidator.oversized(byteCount: bytes.count, file: "", limits: limits) {
            throw ProfileSyntaxError(problem.message, at: start)
        }
        if let bad = ProfileUTF8.firstInvalidOffset(bytes) {
            var locator = ProfileJSONParser(bytes: bytes, limits: limits)
            while locator.offset < bad { locator.advance() }
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            throw ProfileSyntaxError("invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex))", at: locator.here)
        }
        var parser = ProfileJSONParser(bytes: bytes, limits: limits)
        // A byte order mark is noise some editors add; it is not content.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }
        parser.skipWhitespace()
        guard parser.offset < bytes.count else {
            throw ProfileSyntaxError("empty file: expected a JSON object", at: start)
        }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.offset == bytes.count else {
            throw ProfileSyntaxError("expected end of file after the top-level value, found \(parser.foundToken)", at: parser.here)
        }
        return value
    }

    private init(bytes: [UInt8], limits: ProfileJSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    private var here: ProfilePosition { ProfilePosition(line: line, column: column) }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func advance() {
        let byte = bytes[offset]
        offset += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// The character at the cursor as an error quotes it.
    private var foundToken: String {
        guard offset < bytes.count else { return "end of file" }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        return "'\(ProfileText.escaped(text, limit: 1))'"
    }

    private mutating func skipWhitespace() {
        while let byte = current,
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r")
        {
            advance()
        }
    }

    private mutating func parseValue() throws(ProfileSyntaxError) -> ProfileJSON {
        let start = here
        guard let byte = current else {
            throw ProfileSyntaxError("expected a value, found end of file", at: start)
        }
        switch byte {
        case UInt8(ascii: "{"): return ProfileJSON(value: try parseObject(), position: start)
        case UInt8(ascii: "["): return ProfileJSON(value: try parseArray(), position: start)
        case UInt8(ascii: "\""): return ProfileJSON(value: .string(try parseString()), position: start)
        case UInt8(ascii: "t"): try expectWord("true"); return ProfileJSON(value: .bool(true), position: start)
        case UInt8(ascii: "f"): try expectWord("false"); return ProfileJSON(value: .bool(false), position: start)
        case UInt8(ascii: "n"): try expectWord("null"); return ProfileJSON(value: .null, position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return ProfileJSON(value: try parseNumber(), position: start)
        default:
            throw ProfileSyntaxError("expected a value, found \(foundToken)", at: start)
        }
    }

    private mutating func enter(_ start: ProfilePosition) throws(ProfileSyntaxError) {
        depth += 1
        guard depth <= limits.maximumDepth else {
            throw ProfileSyntaxError("nesting deeper than \(limits.maximumDepth) levels", at: start)
        }
    }

    private mutating func parseObject() throws(ProfileSyntaxError) -> ProfileJSON.Value {
        try enter(here)
        advance()
        var members: [ProfileJSON.Member] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let keyPosition = here
            guard current == UInt8(ascii: "\"") else {
                throw ProfileSyntaxError("expected a string key, found \(foundToken)", at: keyPosition)
            }
            let key = try parseString()
            if let first = members.first(where: { $0.key == key }) {
                throw ProfileSyntaxError(
                    "duplicate key \"\(ProfileText.escaped(key, limit: 40))\" (first at line \(first.keyPosition.line), column \(first.keyPosition.column))",
                    at: keyPosition)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw ProfileSyntaxError("expected ':' after the key, found \(foundToken)", at: here)
            }
            advance()
            skipWhitespace()
            let value = try parseValue()
            members.append(ProfileJSON.Member(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                continue
            }
            guard current == UInt8(ascii: "}") else {
                throw ProfileSyntaxError("expected ',' or '}' after an object member, found \(foundToken)", at: here)
            }
            advance()
            depth -= 1
            return .object(members)
        }
    }

    private mutating func parseArray() throws(ProfileSyntaxError) -> ProfileJSON.Value {
        try enter(here)
        advance()
        var elements: [ProfileJSON] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                continue
            }
            guard current == UInt8(ascii: "]") else {
                throw ProfileSyntaxError("expected ',' or ']' after an array element, found \(foundToken)", at: here)
            }
            advance()
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(ProfileSyntaxError) {
        let start = here
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard current == byte else {
                throw ProfileSyntaxError("expected a value, found \(foundToken)", at: start)
            }
            advance()
        }
    }

    private mutating func parseNumber() throws(ProfileSyntaxError) -> ProfileJSON.Value {
        let start = here
        let first = offset
        func digits(_ parser: inout ProfileJSONParser) -> Int {
            var count = 0
            while let byte = parser.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                parser.advance()
                count += 1
            }
            return count
        }
        if current == UInt8(ascii: "-") { advance() }
        if current == UInt8(ascii: "0") {
            advance()
        } else if digits(&self) == 0 {
            throw ProfileSyntaxError("invalid number: expected a digit, found \(foundToken)", at: here)
        }
        if current == UInt8(ascii: ".") {
            advance()
            guard digits(&self) > 0 else {
                throw ProfileSyntaxError("invalid number: expected a digit after '.', found \(foundToken)", at: here)
            }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard digits(&self) > 0 else {
                throw ProfileSyntaxError("invalid number: expected a digit in the exponent, found \(foundToken)", at: here)
            }
        }
        if let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            throw ProfileSyntaxError("invalid number: leading zero", at: start)
        }
        let text = String(decoding: bytes[first..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw ProfileSyntaxError("number \(text) is out of range", at: start)
        }
        return .number(value, text: text)
    }

    private mutating func parseString() throws(ProfileSyntaxError) -> String {
        let start = here
        advance()
        var utf8: [UInt8] = []
        while true {
            guard let byte = current else {
                throw ProfileSyntaxError("unterminated string", at: start)
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escapePosition = here
                advance()
                try parseEscape(into: &utf8, at: escapePosition)
            case 0..<0x20:
                throw ProfileSyntaxError("control character in a string (escape it)", at: here)
            default:
                utf8.append(byte)
                advance()
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8], at position: ProfilePosition) throws(ProfileSyntaxError) {
        guard let byte = current else { throw ProfileSyntaxError("unterminated string", at: position) }
        let simple: UInt8?
        switch byte {
        case UInt8(ascii: "\""): simple = byte
        case UInt8(ascii: "\\"): simple = byte
        case UInt8(ascii: "/"): simple = byte
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw ProfileSyntaxError("invalid escape \\\(foundToken.dropFirst().dropLast()) in a string", at: position)
        }
        advance()
        if let simple {
            utf8.append(simple)
            return
        }
        var scalar = try parseHex4(at: position)
        if (0xD800...0xDBFF).contains(scalar) {
            guard current == UInt8(ascii: "\\") else {
                throw ProfileSyntaxError("invalid \\u escape: lone surrogate", at: position)
            }
            advance()
            guard current == UInt8(ascii: "u") else {
                throw ProfileSyntaxError("invalid \\u escape: lone surrogate", at: position)
            }
            advance()
            let low = try parseHex4(at: position)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw ProfileSyntaxError("invalid \\u escape: lone surrogate", at: position)
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else {
            throw ProfileSyntaxError("invalid \\u escape: lone surrogate", at: position)
        }
        utf8.append(contentsOf: String(Character(unicode)).utf8)
    }

    private mutating func parseHex4(at position: ProfilePosition) throws(ProfileSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                throw ProfileSyntaxError("invalid \\u escape: expected 4 hex digits", at: position)
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
