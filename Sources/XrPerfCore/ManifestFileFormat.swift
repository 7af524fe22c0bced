/// The `file_format_version` check shared by runtime and layer manifests.
/// The loader reads it with `sscanf("%u.%u.%u")` and accepts only 1.0.0.
enum ManifestFileFormat {
    static func check(_ root: ManifestJSON) throws(ManifestProblem) -> String {
        guard root.objectValue != nil else {
            throw ManifestProblem(field: nil, message: "the top level must be a JSON object, found \(root.typeName)")
        }
        let field = "file_format_version"
        guard let version = root[field]?.stringValue else {
            throw .expectedString(field, found: root[field])
        }
        guard let numbers = leadingNumbers(version, count: 3), numbers == [1, 0, 0] else {
            throw ManifestProblem(field: field, message: "\"\(version)\" is not supported; the loader accepts only \"1.0.0\"")
        }
        return version
    }

    /// `count` dot-separated unsigned numbers at the start of `text`, the way
    /// sscanf("%u.%u...") reads them (trailing text is ignored); nil when fewer.
    static func leadingNumbers(_ text: String, count: Int) -> [UInt]? {
        var numbers: [UInt] = []
        var rest = Substring(text).drop { $0 == " " }
        while numbers.count < count {
            if !numbers.isEmpty {
                guard rest.first == "." else { return nil }
                rest = rest.dropFirst()
            }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let value = UInt(digits) else { return nil }
            numbers.append(value)
            rest = rest.dropFirst(digits.count)
        }
        return numbers
    }
}
