import Glibc
import XrPerfCore

/// What was learnt about the active OpenXR runtime.
struct RuntimeFacts: Codable {
    /// The manifest the loader would read; nil when none was found.
    var manifest: String?
    var origin: OpenXRSearchOrigin?
    /// Every path tried, in order.
    var searched: [OpenXRSearchLocation]
    var name: String?
    var library: ManifestLibraryPath?
    /// nil when the dynamic linker's search decides (bare file name).
    var libraryExists: Bool?
    var negotiateFunction: String?
    var negotiateFound: Bool?
    var problems: [ManifestProblem] = []

    var textLines: [String] {
        var lines: [String] = []
        if let manifest {
            lines.append("manifest: \(manifest) (\(origin?.summary ?? "?"))")
        } else {
            lines.append("searched:")
            lines += searched.map { "  \($0.path)" }
        }
        if let name { lines.append("name: \(name)") }
        if let library {
            let exists = libraryExists.map { $0 ? "" : " (missing)" } ?? " (found by the dynamic linker's search)"
            lines.append("library: \(library.resolved)\(exists)")
        }
        if let negotiateFunction, let negotiateFound {
            lines.append("\(negotiateFunction): \(negotiateFound ? "exported" : "not exported")")
        }
        lines += problems.map { "problem: \($0)" }
        return lines
    }
}

/// Check 2: the runtime the loader would pick, and whether it would load.
enum RuntimeCheck {
    static func run(paths: OpenXRSearchPaths, fileSystem: LocalFileSystem) -> DoctorCheck {
        let search = paths.activeRuntimeManifest(in: fileSystem)
        var facts = RuntimeFacts(manifest: search.chosen?.path, origin: search.chosen?.origin, searched: search.searched)
        func verdict(_ status: DoctorStatus, _ detail: String, _ hint: String) -> DoctorCheck {
            DoctorCheck(status: status, detail: detail, hint: hint, data: .runtime(facts))
        }

        guard let chosen = search.chosen else {
            return verdict(
                .fail, "no active runtime: none of \(search.searched.count) places has an active_runtime.json",
                "install an OpenXR runtime (Monado, WiVRn, SteamVR) and make it active, or set XR_RUNTIME_JSON to its manifest")
        }
        guard fileSystem.exists(chosen.path) else {
            return verdict(
                .fail, "XR_RUNTIME_JSON names \(chosen.path), which does not exist",
                "point XR_RUNTIME_JSON at an existing runtime manifest, or unset it to use active_runtime.json")
        }
        let manifest: ManifestRuntime
        switch ManifestReader.runtime(at: chosen.path) {
        case .failure(let problem):
            facts.problems.append(problem)
            return verdict(
                .fail, "runtime manifest \(chosen.path) is unusable: \(problem)",
                "fix or reinstall the runtime's manifest; see the OpenXR loader spec for the format")
        case .success(let parsed):
            manifest = parsed
        }
        facts.name = manifest.name
        facts.problems += manifest.warnings

        // The loader resolves relative runtime paths against the real manifest
        // file, so a symlinked active_runtime.json points into the runtime's tree.
        let canonical = fileSystem.canonicalPath(chosen.path) ?? chosen.path
        let library = ManifestLibraryPath(written: manifest.libraryPath, manifestPath: canonical)
        facts.library = library
        let label = manifest.name.map { "runtime \($0)" } ?? "runtime"
        if let file = library.fileToCheck {
            let exists = fileSystem.exists(file)
            facts.libraryExists = exists
            guard exists else {
                return verdict(
                    .fail, "\(label): library \(file) does not exist",
                    "reinstall the runtime, or fix library_path in \(chosen.path)")
            }
        }

        // RTLD_NOW: unresolved symbols show up here rather than mid-session.
        let opened: DynamicLibrary
        switch DynamicLibrary.open(library.resolved, flags: RTLD_NOW | RTLD_LOCAL) {
        case .failure(let error):
            facts.problems.append(ManifestProblem(field: nil, message: error.message))
            return verdict(
                .fail, "\(label): library does not load: \(error.message)",
                "install the runtime's missing dependencies (ldd \(library.resolved))")
        case .success(let handle):
            opened = handle
        }
        let symbol = manifest.negotiateFunctionName
        let found = opened.symbol(symbol) != nil
        facts.negotiateFunction = symbol
        facts.negotiateFound = found
        guard found else {
            return verdict(
                .fail, "\(label): \(library.resolved) does not export \(symbol)",
                "library_path in \(chosen.path) must name an OpenXR runtime library")
        }
        let warned = facts.problems.isEmpty ? DoctorStatus.ok : .warn
        return verdict(
            warned, "\(label) from \(chosen.path)",
            warned == .ok ? "none needed" : "fix the listed manifest problems")
    }
}
