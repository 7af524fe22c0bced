/// One thing wrong with a profile file: where, which key, and what was
/// expected instead of what was found.
public struct ProfileProblem: Sendable, Equatable, Error, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// `apps[2].settings.upscale.renderScale`; empty for syntax errors.
    public var path: String
    public var message: String

    public init(file: String, position: ProfilePosition, path: String, message: String) {
        self.file = file
        self.line = position.line
        self.column = position.column
        self.path = path
        self.message = message
    }

    /// `profile.json:12:24: apps[2].settings.upscale.renderScale: expected ..., found 3`
    public var description: String {
        let place = "\(file):\(line):\(column): "
        return path.isEmpty ? place + message : place + path + ": " + message
    }
}
