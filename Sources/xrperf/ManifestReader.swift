import Foundation
import XrPerfCore

/// Reads a manifest file into XrPerfCore's JSON model, turning I/O and syntax
/// errors into the same `ManifestProblem` the field checks use.
enum ManifestReader {
    static func json(at path: String) -> Result<ManifestJSON, ManifestProblem> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ManifestProblem(field: nil, message: "cannot be read"))
        }
        do {
            return .success(try JSONDecoder().decode(ManifestJSON.self, from: data))
        } catch {
            return .failure(ManifestProblem(field: nil, message: "is not valid JSON (\(describe(error)))"))
        }
    }

    /// DecodingError's description is long and internal; keep the useful part.
    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return String(describing: error)
    }

    static func runtime(at path: String) -> Result<ManifestRuntime, ManifestProblem> {
        json(at: path).flatMap { json in
            Result { () throws(ManifestProblem) in try ManifestRuntime(json: json) }
        }
    }

    static func apiLayer(at path: String, kind: OpenXRSearchLayerKind) -> Result<ManifestApiLayer, ManifestProblem> {
        json(at: path).flatMap { json in
            Result { () throws(ManifestProblem) in try ManifestApiLayer(json: json, kind: kind) }
        }
    }
}
