/// A runtime manifest (`active_runtime.json` or the file `XR_RUNTIME_JSON`
/// names), checked by the rules of the loader's `RuntimeManifestFile::CreateIfValid`.
public struct ManifestRuntime: Sendable, Codable, Equatable {
    public var fileFormatVersion: String
    /// Optional in the schema; the loader does not read it, people do.
    public var name: String?
    /// As written in the file; resolve with `ManifestLibraryPath`.
    public var libraryPath: String
    /// `functions`: renames of the loader-facing entry points.
    public var functions: [String: String]
    /// Accepted by the loader but worth a mention.
    public var warnings: [ManifestProblem]

    public static let negotiateFunction = "xrNegotiateLoaderRuntimeInterface"

    /// The symbol the loader looks up to negotiate, after any rename.
    public var negotiateFunctionName: String {
        functions[Self.negotiateFunction] ?? Self.negotiateFunction
    }

    public init(json root: ManifestJSON) throws(ManifestProblem) {
        fileFormatVersion = try ManifestFileFormat.check(root)
        guard let runtime = root["runtime"], runtime.objectValue != nil else {
            throw ManifestProblem(field: "runtime", message: "expected an object, \(root["runtime"].map { "found \($0.typeName)" } ?? "missing")")
        }
        guard let library = runtime["library_path"]?.stringValue else {
            throw .expectedString("runtime.library_path", found: runtime["library_path"])
        }
        libraryPath = library
        name = runtime["name"]?.stringValue
        (functions, warnings) = ManifestFunctions.read(runtime, field: "runtime.functions")
    }
}

/// The `functions` object both manifest kinds may carry. Non-string values are
/// skipped by the loader with a warning; so here.
enum ManifestFunctions {
    static func read(_ node: ManifestJSON, field: String) -> ([String: String], [ManifestProblem]) {
        guard let members = node["functions"]?.objectValue else { return ([:], []) }
        var renames: [String: String] = [:]
        var warnings: [ManifestProblem] = []
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            if let name = value.stringValue {
                renames[key] = name
            } else {
                warnings.append(ManifestProblem(field: "\(field).\(key)", message: "ignored: expected a string, found \(value.typeName)", fatal: false))
            }
        }
        return (renames, warnings)
    }
}
