/// Reads a trace from text: CSV with a header or xrperf JSON Lines, told
/// apart by the first non-blank character (`{` starts JSON Lines).
public enum TraceParser {
    public static func parse(_ text: String) throws(TraceError) -> FrameTrace {
        let first = text.utf8.first { !Self.isBlank($0) }
        guard let first else { throw TraceError(.empty, "the trace is empty: expected a CSV header with a gpu_ms column, or JSON Lines") }
        let trace = first == UInt8(ascii: "{") ? try TraceJSONLines.parse(text) : try TraceCSV.parse(text)
        guard trace.count >= FrameTrace.minimumFrames else {
            throw TraceError(
                .tooFewFrames,
                "the trace has \(trace.count) usable frame\(trace.count == 1 ? "" : "s"); at least \(FrameTrace.minimumFrames) are needed "
                    + "(rows with an empty or non-positive GPU time are skipped)")
        }
        return trace
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// A timing field's value: nil for empty, a number, or an error naming the place.
    static func number(_ field: Substring, column: String, line: Int) throws(TraceError) -> Double? {
        let trimmed = field.trimmingBlanks()
        if trimmed.isEmpty { return nil }
        guard let value = Double(trimmed), value.isFinite else {
            throw TraceError(.notANumber, "line \(line): \(column) is '\(trimmed)', not a number")
        }
        return value
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs, carriage returns and quotes.
    func trimmingBlanks() -> Substring {
        let skip: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\"" }
        guard let start = firstIndex(where: { !skip($0) }), let end = lastIndex(where: { !skip($0) }) else { return "" }
        return self[start...end]
    }
}
