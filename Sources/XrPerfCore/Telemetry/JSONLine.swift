/// Appends one JSON object on one line to a byte buffer, for writers that
/// cannot use Foundation. Numbers are formatted by hand, so a buffer with
/// enough reserved capacity takes a whole frame line without allocating.
/// Keys are trusted (ours); string values are escaped per RFC 8259.
struct JSONLine {
    private var empty = true
    private var firstName = true

    init(into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "{"))
    }

    mutating func field(_ key: StaticString, _ value: String, into buffer: inout [UInt8]) {
        separator(key, into: &buffer)
        Self.appendQuoted(value, to: &buffer)
    }

    mutating func field(_ key: StaticString, _ value: Int64, into buffer: inout [UInt8]) {
        separator(key, into: &buffer)
        Self.appendInteger(value, to: &buffer)
    }

    mutating func field(_ key: StaticString, _ value: Bool, into buffer: inout [UInt8]) {
        separator(key, into: &buffer)
        Self.appendASCII(value ? "true" : "false", to: &buffer)
    }

    /// A finite number with up to 6 decimals; non-finite values become null
    /// since JSON has no NaN or infinity.
    mutating func field(_ key: StaticString, _ value: Double, into buffer: inout [UInt8]) {
        separator(key, into: &buffer)
        guard value.isFinite, value.magnitude < 9e12 else {
            Self.appendASCII("null", to: &buffer)
            return
        }
        let millionths = Int64((value * 1_000_000).rounded())
        if millionths < 0 { buffer.append(UInt8(ascii: "-")) }
        let magnitude = millionths.magnitude
        Self.appendInteger(Int64(magnitude / 1_000_000), to: &buffer)
        var fraction = magnitude % 1_000_000
        guard fraction != 0 else { return }
        buffer.append(UInt8(ascii: "."))
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        Self.appendPadded(fraction, digits: digits, to: &buffer)
    }

    /// Nanoseconds shown as milliseconds with microsecond resolution.
    mutating func milliseconds(_ key: StaticString, _ nanoseconds: Int64?, into buffer: inout [UInt8]) {
        separator(key, into: &buffer)
        guard let nanoseconds else {
            Self.appendASCII("null", to: &buffer)
            return
        }
        // Round half away from zero without overflowing near Int64's ends.
        let (quotient, remainder) = nanoseconds.quotientAndRemainder(dividingBy: 1000)
        let micros = remainder >= 500 ? quotient + 1 : remainder <= -500 ? quotient - 1 : quotient
        if micros < 0 { buffer.append(UInt8(ascii: "-")) }
        let magnitude = micros.magnitude
        Self.appendInteger(Int64(magnitude / 1000), to: &buffer)
        buffer.append(UInt8(ascii: "."))
        Self.appendPadded(magnitude % 1000, digits: 3, to: &buffer)
    }

    /// Opens an array of names; `name` adds one, `closeNames` ends it. (A
    /// variadic list would allocate its array on every line.)
    mutating func openNames(_ key: StaticString, into buffer: inout [UInt8]) {
        separator(key, into: &buffer)
        buffer.append(UInt8(ascii: "["))
        firstName = true
    }

    mutating func name(_ name: String, if present: Bool, into buffer: inout [UInt8]) {
        guard present else { return }
        if !firstName { buffer.append(UInt8(ascii: ",")) }
        firstName = false
        buffer.append(UInt8(ascii: "\""))
        buffer.append(contentsOf: name.utf8)  // names are ours: plain ASCII, nothing to escape
        buffer.append(UInt8(ascii: "\""))
    }

    func closeNames(into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "]"))
    }

    func finish(into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "}"))
    }

    private mutating func separator(_ key: StaticString, into buffer: inout [UInt8]) {
        if !empty { buffer.append(UInt8(ascii: ",")) }
        empty = false
        buffer.append(UInt8(ascii: "\""))
        Self.appendASCII(key, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
    }

    static func appendASCII(_ text: StaticString, to buffer: inout [UInt8]) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        reverseTail(of: &buffer, from: start)
    }

    /// In place, by index: reversing a slice would copy it.
    private static func reverseTail(of buffer: inout [UInt8], from start: Int) {
        var low = start
        var high = buffer.count - 1
        while low < high {
            buffer.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    /// `value` as exactly `digits` digits, zero-padded on the left.
    static func appendPadded(_ value: UInt64, digits: Int, to buffer: inout [UInt8]) {
        let start = buffer.count
        var rest = value
        for _ in 0..<digits {
            buffer.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        reverseTail(of: &buffer, from: start)
    }

    static func appendQuoted(_ value: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): appendASCII("\\\"", to: &buffer)
            case UInt8(ascii: "\\"): appendASCII("\\\\", to: &buffer)
            case UInt8(ascii: "\n"): appendASCII("\\n", to: &buffer)
            case UInt8(ascii: "\r"): appendASCII("\\r", to: &buffer)
            case UInt8(ascii: "\t"): appendASCII("\\t", to: &buffer)
            case 0..<0x20:
                appendASCII("\\u00", to: &buffer)
                let hex: StaticString = "0123456789abcdef"
                hex.withUTF8Buffer { digits in
                    buffer.append(digits[Int(byte >> 4)])
                    buffer.append(digits[Int(byte & 0xF)])
                }
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
