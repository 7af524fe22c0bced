/// Something wrong with a manifest, phrased for a user: which field, what the
/// loader expects. `fatal` problems make the loader ignore the manifest; the
/// others are accepted by the loader but worth fixing.
public struct ManifestProblem: Error, Sendable, Codable, Equatable, CustomStringConvertible {
    /// Dotted key path, e.g. `api_layer.implementation_version`; nil for the file as a whole.
    public var field: String?
    public var message: String
    public var fatal: Bool

    public init(field: String?, message: String, fatal: Bool = true) {
        self.field = field
        self.message = message
        self.fatal = fatal
    }

    public var description: String {
        field.map { "\($0): \(message)" } ?? message
    }

    /// The field is absent or not a string, in the loader's words.
    static func expectedString(_ field: String, found: ManifestJSON?) -> ManifestProblem {
        let found = found.map { "found \($0.typeName)" } ?? "missing"
        return ManifestProblem(field: field, message: "expected a string, \(found)")
    }
}
