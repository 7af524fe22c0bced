/// A problem with what the user gave (a file, a session name): the CLI
/// prints it as `xrperf <command>: error: <message>` with exit status 2.
public struct TelemetryInputError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
