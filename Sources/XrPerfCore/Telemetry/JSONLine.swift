/// Builds one JSON object on one line, for writers that cannot use
/// Foundation. Keys are trusted (ours); string values are escaped per RFC 8259.
struct JSONLine {
    private var text = "{"
    private var empty = true

    mutating func field(_ key: String, _ value: String) {
        separator(key)
        text += "\""
        text += Self.escaped(value)
        text += "\""
    }

    mutating func field(_ key: String, _ value: Int64) {
        separator(key)
        text += String(value)
    }

    mutating func field(_ key: String, _ value: Bool) {
        separator(key)
        text += value ? "true" : "false"
    }

    /// A finite number with up to 6 decimals; non-finite values become null
    /// since JSON has no NaN or infinity.
    mutating func field(_ key: String, _ value: Double) {
        separator(key)
        text += value.isFinite ? Self.decimal(value, places: 6) : "null"
    }

    /// Nanoseconds shown as milliseconds with microsecond resolution.
    mutating func milliseconds(_ key: String, _ nanoseconds: Int64?) {
        separator(key)
        guard let nanoseconds else {
            text += "null"
            return
        }
        let micros = nanoseconds >= 0 ? (nanoseconds + 500) / 1000 : (nanoseconds - 500) / 1000
        let sign = micros < 0 ? "-" : ""
        let magnitude = micros.magnitude
        let fraction = String(magnitude % 1000)
        text += sign + String(magnitude / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    mutating func names(_ key: String, _ values: [String]) {
        separator(key)
        text += "["
        text += values.map { "\"" + Self.escaped($0) + "\"" }.joined(separator: ",")
        text += "]"
    }

    mutating func finish() -> String {
        text += "}"
        return text
    }

    private mutating func separator(_ key: String) {
        if !empty { text += "," }
        empty = false
        text += "\"" + key + "\":"
    }

    static func escaped(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Fixed-point text of a double without Foundation's formatters.
    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 9e18 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        var fraction = String(units % divisor)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + String(units / divisor) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
