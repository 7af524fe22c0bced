/// Why a trace file cannot be simulated, worded for the person who gave it.
public struct TraceError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case empty
        case missingColumn
        case notANumber
        case tooFewFrames
        case malformedLine
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
