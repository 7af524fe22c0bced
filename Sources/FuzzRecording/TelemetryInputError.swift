/// The CLI's error type for RecordingReader.swift (linked in from Sources/xrperf):
/// its own file there imports ArgumentParser, which the fuzz build leaves out.
struct TelemetryInputError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
