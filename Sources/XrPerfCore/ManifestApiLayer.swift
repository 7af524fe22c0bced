/// An API layer manifest, checked by the rules of the loader's
/// `ApiLayerManifestFile::CreateIfValid`. Every required field is a *string*,
/// `implementation_version` included: a bare number makes the loader skip the
/// layer, a classic mistake.
public struct ManifestApiLayer: Sendable, Codable, Equatable {
    public var fileFormatVersion: String
    public var name: String
    public var libraryPath: String
    public var apiVersion: String
    public var implementationVersion: String
    public var description: String?
    /// Implicit layers: the variable that must be set for the layer to load.
    public var enableEnvironment: String?
    /// Implicit layers: the variable that unloads the layer; required for them.
    public var disableEnvironment: String?
    public var functions: [String: String]
    public var warnings: [ManifestProblem]

    public static let negotiateFunction = "xrNegotiateLoaderApiLayerInterface"

    public var negotiateFunctionName: String {
        functions[Self.negotiateFunction] ?? Self.negotiateFunction
    }

    /// Parses and validates; `kind` matters because implicit layers need
    /// `disable_environment`.
    public init(json root: ManifestJSON, kind: OpenXRSearchLayerKind) throws(ManifestProblem) {
        fileFormatVersion = try ManifestFileFormat.check(root)
        guard let layer = root["api_layer"], layer.objectValue != nil else {
            throw ManifestProblem(field: "api_layer", message: "expected an object, \(root["api_layer"].map { "found \($0.typeName)" } ?? "missing")")
        }
        func required(_ key: String) throws(ManifestProblem) -> String {
            guard let value = layer[key]?.stringValue else {
                throw .expectedString("api_layer.\(key)", found: layer[key])
            }
            return value
        }
        name = try required("name")
        apiVersion = try required("api_version")
        libraryPath = try required("library_path")
        implementationVersion = try required("implementation_version")
        description = layer["description"]?.stringValue
        enableEnvironment = layer["enable_environment"]?.stringValue
        disableEnvironment = layer["disable_environment"]?.stringValue
        (functions, warnings) = ManifestFunctions.read(layer, field: "api_layer.functions")

        if kind == .implicit, disableEnvironment == nil {
            throw ManifestProblem(field: "api_layer.disable_environment", message: "implicit layers must name a disable variable (a string)")
        }
        // sscanf("%u.%u"): two numbers, not 0.0, major not above the loader's (1).
        guard let api = ManifestFileFormat.leadingNumbers(apiVersion, count: 2), api != [0, 0],
            api[0] <= UInt(OpenXRSearchPaths.majorVersion)
        else {
            throw ManifestProblem(field: "api_layer.api_version", message: "\"\(apiVersion)\" is not a valid \"major.minor\" API version (1.x)")
        }
        // 1.0.20 reads it with atoi() and takes anything; later loaders use
        // strtoul() and reject trailing text.
        if implementationVersion.isEmpty || !implementationVersion.allSatisfy({ $0.isASCII && $0.isNumber }) {
            warnings.append(ManifestProblem(
                field: "api_layer.implementation_version",
                message: "\"\(implementationVersion)\" is not a decimal number; loaders after 1.0.20 skip the layer",
                fatal: false))
        }
    }
}
