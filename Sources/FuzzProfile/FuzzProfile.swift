import XrPerfCore

/// A profile file as the layer reads it at start and on every reload: parse,
/// validate, and when accepted resolve it the way an instance would. The same
/// text also goes through the `XRPERF_*` overrides and the match globs, the
/// other two places where the user's text reaches the layer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = ProfileValidator.load(bytes, file: "fuzz.json")
    // Half a profile is never applied: a document or problems, never both.
    precondition((result.document == nil) != result.problems.isEmpty)
    let text = String(decoding: bytes, as: UTF8.self)
    let facts = PlatformFacts(application: text, engine: "Unreal", runtime: text, gpuVendor: .amd, gpuName: text)
    let environment = Dictionary(ProfileKey.allCases.map { ($0.environmentVariable, text) }, uniquingKeysWith: { a, _ in a })
    if let document = result.document {
        _ = ProfileResolver.resolve(document: document, facts: facts, environment: environment).typed
    }
    _ = ProfileEnvironment.layer(environment)
    _ = ProfileGlob.matches(text, text + "x")
    return 0
}
