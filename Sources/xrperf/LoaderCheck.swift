import Glibc
import XrPerfCore

/// What was learnt about the Khronos OpenXR loader.
struct LoaderFacts: Codable {
    /// The name apps link against.
    var soname = LoaderCheck.soname
    /// The real file the dynamic linker mapped; nil when not loadable.
    var path: String?
    /// From the real file name; nil when it has no version suffix.
    var version: String?
    /// Whose search rules the other checks emulate (the detected version, or
    /// the newest known when undetectable).
    var searchRulesOf: String
    var error: String?

    var textLines: [String] {
        var lines: [String] = []
        if let error { lines.append("error: \(error)") }
        lines.append("search rules: loader \(searchRulesOf)")
        return lines
    }
}

/// Check 1: can an app find the loader, and which version is it. Its version
/// decides the search rules the runtime and layer checks emulate.
enum LoaderCheck {
    static let soname = "libopenxr_loader.so.1"

    static func run() -> (DoctorCheck, OpenXRSearchLoaderVersion) {
        let library: DynamicLibrary
        switch DynamicLibrary.open(soname, flags: RTLD_NOW | RTLD_LOCAL) {
        case .failure(let error):
            let facts = LoaderFacts(searchRulesOf: OpenXRSearchLoaderVersion.newestKnown.description, error: error.message)
            let check = DoctorCheck(
                status: .fail,
                detail: "\(soname) cannot be loaded",
                hint: "install the Khronos OpenXR loader (Debian/Ubuntu: apt install libopenxr-loader1) or add its directory to LD_LIBRARY_PATH",
                data: .loader(facts))
            return (check, .newestKnown)
        case .success(let opened):
            library = opened
        }

        let path = library.symbol("xrGetInstanceProcAddr").flatMap { ProcessMaps.file(containing: $0) }
        let version = path.flatMap { OpenXRSearchLoaderVersion(libraryFileName: $0) }
        let rules = version ?? .newestKnown
        let facts = LoaderFacts(path: path, version: version?.description, searchRulesOf: rules.description)
        guard library.symbol("xrGetInstanceProcAddr") != nil else {
            let check = DoctorCheck(
                status: .fail,
                detail: "\(soname) does not export xrGetInstanceProcAddr: not an OpenXR loader",
                hint: "reinstall the OpenXR loader package; check LD_LIBRARY_PATH for a stray copy",
                data: .loader(facts))
            return (check, rules)
        }
        let versionText = version.map { "OpenXR loader \($0)" } ?? "OpenXR loader (version unknown)"
        let check = DoctorCheck(
            status: .ok,
            detail: "\(versionText) at \(path ?? soname)",
            hint: version == nil
                ? "the version could not be read from the file name; newest search rules assumed"
                : "none needed",
            data: .loader(facts))
        return (check, rules)
    }
}
