/// xrperf JSON Lines recordings: one JSON object per line. A frame line
/// carries its GPU time as `app_gpu_ms` (or `gpu_ms`) and optionally its CPU
/// time as `app_cpu_ms` (or `cpu_ms`), numbers in ms, at the top level of the
/// object; every other field is ignored. A line whose `type` is `"header"`
/// is skipped, as are lines without a GPU time (events, frames whose GPU
/// timestamps were lost) and frames whose GPU time is not positive. A
/// numeric `render_scale` says the frame was measured at that scale; the
/// simulator converts its GPU time back to full quality.
///
/// The recording format is being designed beside this reader, so only what
/// it needs is parsed: the top level of each object, nested values skipped.
/// A tiny scanner instead of Foundation keeps XrPerfCore free of it.
enum TraceJSONLines {
    static let gpuKeys = ["app_gpu_ms", "gpu_ms"]
    static let cpuKeys = ["app_cpu_ms", "cpu_ms"]
    /// Per-axis render scale the frame ran at (1 when absent).
    static let scaleKey = "render_scale"

    static func parse(_ text: String) throws(TraceError) -> FrameTrace {
        var gpu: [Double] = []
        var cpu: [Double] = []
        var anyCPU = false
        var anyGPUField = false
        var scales: [Double] = []
        var anyScaled = false
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.trimmingBlanks().isEmpty { continue }
            let fields: [(key: String, value: JSONScalar)]
            do throws(JSONScanError) {
                var scanner = TopLevelObjectScanner(Array(line.utf8))
                fields = try scanner.fields()
            } catch {
                throw TraceError(.malformedLine, "line \(lineNumber): not a JSON object (\(error.reason))")
            }
            if fields.contains(where: { $0.key == "type" && $0.value == .string("header") }) { continue }
            let gpuMs = try number(in: fields, keys: gpuKeys, line: lineNumber)
            if fields.contains(where: { gpuKeys.contains($0.key) }) { anyGPUField = true }
            guard let gpuMs, gpuMs > 0 else { continue }
            let cpuMs = try number(in: fields, keys: cpuKeys, line: lineNumber)
            if cpuMs != nil { anyCPU = true }
            var scale = try number(in: fields, keys: [Self.scaleKey], line: lineNumber) ?? 1
            if !(scale > 0 && scale <= 4) { scale = 1 }
            if scale != 1 { anyScaled = true }
            gpu.append(gpuMs)
            cpu.append(max(cpuMs ?? 0, 0))
            scales.append(scale)
        }
        guard anyGPUField || gpu.count > 0 || lineNumber == 0 else {
            throw TraceError(
                .missingColumn,
                "no line has a GPU time: expected a numeric app_gpu_ms or gpu_ms field in the frame objects")
        }
        return FrameTrace(gpuMs: gpu, cpuMs: anyCPU ? cpu : nil, renderScale: anyScaled ? scales : nil)
    }

    /// The first of `keys` present: its number, nil for null or absent.
    private static func number(
        in fields: [(key: String, value: JSONScalar)], keys: [String], line: Int
    ) throws(TraceError) -> Double? {
        for key in keys {
            guard let field = fields.first(where: { $0.key == key }) else { continue }
            switch field.value {
            case .number(let value) where value.isFinite: return value
            case .null: return nil
            case .number, .string, .bool, .nested:
                throw TraceError(.notANumber, "line \(line): \(key) is \(field.value.text), not a number")
            }
        }
        return nil
    }
}

/// A top-level JSON value as far as traces care.
enum JSONScalar: Equatable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null
    /// An object or array, skipped.
    case nested

    var text: String {
        switch self {
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .bool(let value): "\(value)"
        case .null: "null"
        case .nested: "an object or array"
        }
    }
}

struct JSONScanError: Error {
    var reason: String
}

/// Reads the key/value pairs of one JSON object's top level.
struct TopLevelObjectScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func fields() throws(JSONScanError) -> [(key: String, value: JSONScalar)] {
        var result: [(key: String, value: JSONScalar)] = []
        skipBlanks()
        try expect(UInt8(ascii: "{"))
        skipBlanks()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return try end(result)
        }
        while true {
            skipBlanks()
            let key = try string()
            skipBlanks()
            try expect(UInt8(ascii: ":"))
            skipBlanks()
            result.append((key, try value()))
            skipBlanks()
            guard let next = peek() else { throw JSONScanError(reason: "unterminated object") }
            position += 1
            if next == UInt8(ascii: "}") { return try end(result) }
            guard next == UInt8(ascii: ",") else { throw JSONScanError(reason: "expected , or } at column \(position)") }
        }
    }

    private mutating func end(
        _ result: [(key: String, value: JSONScalar)]
    ) throws(JSONScanError) -> [(key: String, value: JSONScalar)] {
        skipBlanks()
        guard position == bytes.count else { throw JSONScanError(reason: "text after the object at column \(position + 1)") }
        return result
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipBlanks() {
        while let byte = peek(), TraceParser.isBlank(byte) { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(JSONScanError) {
        guard peek() == byte else {
            throw JSONScanError(reason: "expected '\(Character(Unicode.Scalar(byte)))' at column \(position + 1)")
        }
        position += 1
    }

    private mutating func string() throws(JSONScanError) -> String {
        try expect(UInt8(ascii: "\""))
        var scalars: [UInt8] = []
        while let byte = peek() {
            position += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: scalars, as: UTF8.self) }
            if byte == UInt8(ascii: "\\") {
                // Escapes are kept verbatim: keys and values compared here are plain ASCII.
                guard let escaped = peek() else { break }
                position += 1
                scalars.append(byte)
                scalars.append(escaped)
            } else {
                scalars.append(byte)
            }
        }
        throw JSONScanError(reason: "unterminated string")
    }

    private mutating func value() throws(JSONScanError) -> JSONScalar {
        guard let byte = peek() else { throw JSONScanError(reason: "missing value") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipNested()
            return .nested
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            let start = position
            while let next = peek(), next != UInt8(ascii: ","), next != UInt8(ascii: "}"), !TraceParser.isBlank(next) {
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard let number = Double(text) else { throw JSONScanError(reason: "'\(text)' is not a JSON value") }
            return .number(number)
        }
    }

    private mutating func literal(_ word: String) throws(JSONScanError) {
        for byte in word.utf8 { try expect(byte) }
    }

    /// Skips an object or array, strings inside included.
    private mutating func skipNested() throws(JSONScanError) {
        var depth = 0
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                _ = try string()
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
            position += 1
            if depth == 0 { return }
        }
        throw JSONScanError(reason: "unterminated object or array")
    }
}
