import Foundation

/// The OpenXR calls an app made, as Khronos' api_dump layer
/// (XR_APILAYER_LUNARG_api_dump, XR_API_DUMP_FILE_NAME) writes them: a line
/// `XrResult xrName` per call, then one indented `type name = value` line per
/// parameter and member. Tests check the order of calls and what was passed.
struct ApiDumpTrace {
    static let layer = "XR_APILAYER_LUNARG_api_dump"

    struct Call {
        let name: String
        /// Member path (`beginInfo->primaryViewConfigurationType`) to value.
        let fields: [String: String]
    }

    let calls: [Call]

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var calls: [Call] = []
        var name: String?
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("XrResult xr") {
                if let name { calls.append(Call(name: name, fields: fields)) }
                name = String(line.dropFirst("XrResult ".count))
                fields = [:]
            } else if let equals = line.range(of: " = ") {
                // The declaration's last word is the member path; the type before it may have spaces.
                let declaration = line[..<equals.lowerBound].split(separator: " ")
                if let member = declaration.last { fields[String(member)] = String(line[equals.upperBound...]) }
            }
        }
        if let name { calls.append(Call(name: name, fields: fields)) }
        self.calls = calls
    }

    func calls(_ name: String) -> [Call] { calls.filter { $0.name == name } }

    /// Index of the first call named `name`, if any.
    func first(_ name: String) -> Int? { calls.firstIndex { $0.name == name } }
}
