/// A scripted load: steps and linear ramps by frame index over the load given
/// on the command line. The file format (one entry per line):
///
///     # comment, and blank lines, are ignored
///     frame <n> gpu-iterations <k> cpu-ms <x>     from frame n on: k and x (either may be left out)
///     ramp <from> <to> gpu-iterations <a> <b>     a at frame `from` to b at frame `to`, linearly; b after
///     ramp <from> <to> cpu-ms <a> <b>             the same for CPU milliseconds
///
/// Entries apply in order of their first frame (file order among equals); a
/// later entry overrides what an earlier one set for the same quantity.
struct LoadSchedule {
    enum Quantity: String {
        case gpuIterations = "gpu-iterations"
        case cpuMilliseconds = "cpu-ms"
    }

    enum Entry: Equatable {
        case step(frame: UInt64, quantity: Quantity, value: Double)
        case ramp(from: UInt64, to: UInt64, quantity: Quantity, start: Double, end: Double)

        var firstFrame: UInt64 {
            switch self {
            case .step(let frame, _, _): frame
            case .ramp(let from, _, _, _, _): from
            }
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    private(set) var entries: [Entry] = []

    init(entries: [Entry] = []) {
        self.entries = entries.enumerated().sorted {
            ($0.element.firstFrame, $0.offset) < ($1.element.firstFrame, $1.offset)
        }.map(\.element)
    }

    init(parsing text: String) throws(ParseError) {
        var parsed: [Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let keyword = words.first else { continue }
            let line = index + 1
            switch keyword {
            case "frame": parsed += try Self.parseStep(words, line: line)
            case "ramp": parsed.append(try Self.parseRamp(words, line: line))
            default:
                throw ParseError(line: line, message: "unknown entry '\(keyword)' (expected 'frame' or 'ramp')")
            }
        }
        self.init(entries: parsed)
    }

    /// The load of frame `frame`, starting from `base` (the command line's).
    func load(atFrame frame: UInt64, base: FrameLoad) -> FrameLoad {
        var iterations = Double(base.gpuIterations)
        var milliseconds = base.cpuMilliseconds
        for entry in entries {
            guard entry.firstFrame <= frame else { break }
            let (quantity, value): (Quantity, Double)
            switch entry {
            case .step(_, let q, let v):
                (quantity, value) = (q, v)
            case .ramp(let from, let to, let q, let start, let end):
                let progress = to > from ? min(1, Double(frame - from) / Double(to - from)) : 1
                (quantity, value) = (q, start + (end - start) * progress)
            }
            switch quantity {
            case .gpuIterations: iterations = value
            case .cpuMilliseconds: milliseconds = value
            }
        }
        return FrameLoad(gpuIterations: UInt32(iterations.rounded()), cpuMilliseconds: milliseconds)
    }

    // MARK: - Parsing

    private static let usage = """
        expected 'frame <n> [gpu-iterations <k>] [cpu-ms <x>]' \
        or 'ramp <from-frame> <to-frame> gpu-iterations|cpu-ms <a> <b>'
        """

    private static func parseStep(_ words: [String], line: Int) throws(ParseError) -> [Entry] {
        guard words.count >= 4, words.count % 2 == 0 else { throw ParseError(line: line, message: usage) }
        let frame = try frameNumber(words[1], line: line)
        var entries: [Entry] = []
        var seen: Set<String> = []
        for pair in stride(from: 2, to: words.count, by: 2) {
            let quantity = try quantity(words[pair], line: line)
            guard seen.insert(words[pair]).inserted else {
                throw ParseError(line: line, message: "'\(words[pair])' given twice")
            }
            entries.append(.step(frame: frame, quantity: quantity, value: try value(words[pair + 1], of: quantity, line: line)))
        }
        return entries
    }

    private static func parseRamp(_ words: [String], line: Int) throws(ParseError) -> Entry {
        guard words.count == 6 else { throw ParseError(line: line, message: usage) }
        let from = try frameNumber(words[1], line: line)
        let to = try frameNumber(words[2], line: line)
        guard to > from else {
            throw ParseError(line: line, message: "ramp must end after it starts (frames \(from) to \(to))")
        }
        let quantity = try quantity(words[3], line: line)
        return .ramp(from: from, to: to, quantity: quantity,
                     start: try value(words[4], of: quantity, line: line),
                     end: try value(words[5], of: quantity, line: line))
    }

    private static func frameNumber(_ word: String, line: Int) throws(ParseError) -> UInt64 {
        guard let frame = UInt64(word) else {
            throw ParseError(line: line, message: "'\(word)' is not a frame number (0, 1, 2...)")
        }
        return frame
    }

    private static func quantity(_ word: String, line: Int) throws(ParseError) -> Quantity {
        guard let quantity = Quantity(rawValue: word) else {
            throw ParseError(line: line, message: "unknown quantity '\(word)' (expected 'gpu-iterations' or 'cpu-ms')")
        }
        return quantity
    }

    private static func value(_ word: String, of quantity: Quantity, line: Int) throws(ParseError) -> Double {
        switch quantity {
        case .gpuIterations:
            guard let count = UInt32(word) else {
                throw ParseError(line: line, message: "gpu-iterations '\(word)' is not a whole number 0...\(UInt32.max)")
            }
            return Double(count)
        case .cpuMilliseconds:
            guard let milliseconds = Double(word), milliseconds.isFinite, (0...10_000).contains(milliseconds) else {
                throw ParseError(line: line, message: "cpu-ms '\(word)' is not a number of milliseconds 0...10000")
            }
            return milliseconds
        }
    }
}
