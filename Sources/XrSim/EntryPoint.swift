import COpenXR
import XrSimCore

/// Runs an entry point's body, turning a thrown XrSimError into its XrResult.
func xrEntry(_ body: () throws(XrSimError) -> XrResult) -> XrResult {
    do {
        return try body()
    } catch {
        Log.debug("returning \(resultString(error.rawValue))")
        return XrResult(error.rawValue)
    }
}

extension XrResult {
    init(_ success: XrSimSuccess) { self.init(success.rawValue) }
}

/// Unwraps a required pointer parameter (spec: null is a validation failure).
func required<T>(_ pointer: T?) throws(XrSimError) -> T {
    guard let pointer else { throw .validationFailure }
    return pointer
}

/// Checks a structure's `type` member.
func expectType(_ actual: XrStructureType, _ expected: XrStructureType) throws(XrSimError) {
    guard actual == expected else { throw .validationFailure }
}
