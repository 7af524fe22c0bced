import ArgumentParser
import Foundation
import XrPerfRecordingFile

enum TelemetryOutput {
    /// Exit statuses shared by the telemetry commands.
    static let badInput: Int32 = 2

    /// Pretty, sorted JSON and a newline on standard output.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func warn(_ command: String, _ message: String) {
        FileHandle.standardError.write(Data("xrperf \(command): \(message)\n".utf8))
    }

    /// Runs `body`; a TelemetryInputError becomes a message and exit status 2.
    static func guarding(_ command: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as TelemetryInputError {
            warn(command, "error: \(error.message)")
            throw ExitCode(badInput)
        }
    }
}
