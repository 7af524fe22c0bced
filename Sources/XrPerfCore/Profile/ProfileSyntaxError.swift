/// Why a profile file is not JSON (or is JSON past the limits), and where.
public struct ProfileSyntaxError: Error, Sendable, Equatable {
    public var position: ProfilePosition
    public var message: String

    public init(_ message: String, at position: ProfilePosition) {
        self.message = message
        self.position = position
    }
}
