import Foundation
import XrPerfCore

/// A recording read back from its JSON Lines file.
public struct RecordingFile {
    public var path: String
    public var header: RecordingHeader?
    public var frames: [FrameRecord]
    /// True when the end line was found.
    public var complete: Bool
    public var declaredFrames: UInt64?
    public var dropped: UInt64
    /// Problems that did not stop reading (cut last line, missing end line...).
    public var warnings: [String]

    /// Reads `path` ("-" for standard input). Any line that cannot be used,
    /// other than a cut last line, is an error naming its line number; with
    /// `skipBadLines` it becomes a warning instead.
    public init(path: String, skipBadLines: Bool = false) throws(TelemetryInputError) {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw TelemetryInputError("\(path): no such file")
            }
            guard !isDirectory.boolValue else { throw TelemetryInputError("\(path): is a directory, not a recording") }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw TelemetryInputError("\(path): cannot read (permissions?)")
            }
            data = contents
        }
        try self.init(path: path, data: data, skipBadLines: skipBadLines)
    }

    public init(path: String, data: Data, skipBadLines: Bool = false) throws(TelemetryInputError) {
        self.path = path
        frames = []
        complete = false
        dropped = 0
        warnings = []
        let name = path == "-" ? "<stdin>" : path
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw TelemetryInputError("\(name): empty file, not a recording") }
        let endsWithNewline = bytes.last == UInt8(ascii: "\n")
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if endsWithNewline { lines.removeLast() }
        let decoder = JSONDecoder()
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let isLast = offset == lines.count - 1
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) {
                continue
            }
            let parsed: RecordingLine
            do {
                parsed = try decoder.decode(RecordingLine.self, from: Data(line))
            } catch {
                let reason = Self.describe(error)
                if isLast && !endsWithNewline {
                    warnings.append("line \(number) is cut off (\(reason)); the recording was interrupted while writing it, ignored")
                    continue
                }
                if number == 1 {
                    throw TelemetryInputError("\(name): line 1: not an xrperf recording header: \(reason)")
                }
                if skipBadLines {
                    warnings.append("line \(number) skipped: \(reason)")
                    continue
                }
                throw TelemetryInputError("\(name): line \(number): \(reason) (use --skip-bad-lines to analyse the rest)")
            }
            switch parsed {
            case .header(let header):
                guard number == 1 else {
                    warnings.append("line \(number): a second header line, ignored")
                    continue
                }
                guard header.format == RecordingFormat.formatName else {
                    throw TelemetryInputError("\(name): line 1: format '\(header.format)', not '\(RecordingFormat.formatName)'")
                }
                guard header.version <= RecordingFormat.version else {
                    throw TelemetryInputError("\(name): recording format version \(header.version) is newer than this xrperf reads (\(RecordingFormat.version)); update xrperf")
                }
                self.header = header
            case .frame(let frame):
                if number == 1 {
                    throw TelemetryInputError("\(name): line 1: a frame line where the header line should be; not an xrperf recording")
                }
                if complete { warnings.append("line \(number): frame after the end line") }
                frames.append(frame)
            case .end(let declared, let lost):
                if number == 1 { throw TelemetryInputError("\(name): line 1: an end line where the header should be") }
                complete = true
                declaredFrames = declared
                dropped = lost
            case .other(let type):
                if number == 1 {
                    throw TelemetryInputError("\(name): line 1: not an xrperf recording header (type '\(type)')")
                }
                warnings.append("line \(number): unknown line type '\(type)', skipped")
            }
        }
        if header == nil { throw TelemetryInputError("\(name): no header line; not an xrperf recording") }
        if !complete {
            warnings.append("no end line: the recording was cut (the app or recorder stopped before finishing); analysing the \(frames.count) frames present")
        } else if let declaredFrames, declaredFrames != UInt64(frames.count) {
            warnings.append("the end line declares \(declaredFrames) frames, the file holds \(frames.count)")
        }
        if dropped > 0 { warnings.append("the writer dropped \(dropped) frames (see the end line)") }
        guard !frames.isEmpty else { throw TelemetryInputError("\(name): no frames in the recording") }
    }

    /// A decoding error in words: which key, what was wrong.
    public static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).filter { !$0.isEmpty }
            return keys.isEmpty ? "" : "key '\(keys.joined(separator: "."))': "
        }
        switch error {
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return path(context) + context.debugDescription
        case DecodingError.keyNotFound(let key, _):
            return "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(let type, let context):
            return path(context) + "expected \(Self.typeName(type))"
        case DecodingError.valueNotFound(let type, let context):
            return path(context) + "expected \(Self.typeName(type)), found null"
        default:
            return "\(error)"
        }
    }

    public static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Float.Type: "a number"
        case is Int.Type, is Int64.Type, is UInt64.Type, is UInt32.Type, is Int32.Type: "an integer"
        case is Bool.Type: "true or false"
        case is [String].Type: "an array of strings"
        default: "\(type)"
        }
    }

    public var session: SessionInfo? { header?.session }

    /// "hello_xr on XrSim" or the file name.
    public var title: String {
        guard let session, !session.application.isEmpty else { return (path as NSString).lastPathComponent }
        return session.runtime.isEmpty ? session.application : "\(session.application) on \(session.runtime)"
    }
}
