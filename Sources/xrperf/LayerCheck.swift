import Glibc
import XrPerfCore

/// One manifest of the xrperf layer found in the search paths.
struct LayerManifestFacts: Codable {
    var path: String
    var kind: OpenXRSearchLayerKind
    var origin: OpenXRSearchOrigin
    var status: DoctorStatus
    var library: ManifestLibraryPath?
    /// nil when the dynamic linker's search decides, or the manifest did not parse.
    var libraryExists: Bool?
    var negotiateFunction: String?
    var negotiateFound: Bool?
    /// Implicit manifests only: their enable/disable variables and verdict.
    var implicitState: ManifestImplicitLayerState?
    /// The loader accepts the manifest, its library loads and negotiates.
    var usable: Bool
    var problems: [ManifestProblem]

    var textLines: [String] {
        var lines = ["\(status.rawValue.padding(4)) \(kind.rawValue) \(path) (\(origin.summary))"]
        if let library {
            let exists = libraryExists.map { $0 ? "" : " (missing)" } ?? " (found by the dynamic linker's search)"
            lines.append("     library: \(library.resolved)\(exists)")
        }
        if let negotiateFunction, let negotiateFound {
            lines.append("     \(negotiateFunction): \(negotiateFound ? "exported" : "not exported")")
        }
        if let implicitState {
            lines.append("     \(implicitState.explanation)")
        }
        lines += problems.map { "     problem: \($0)" }
        return lines
    }
}

/// A layer other than xrperf, named only.
struct OtherLayer: Codable, Equatable {
    var name: String
    var kind: OpenXRSearchLayerKind
}

/// What was learnt about the xrperf layer's installation.
struct LayerFacts: Codable {
    var layerName = XrPerfVersion.layerName
    var explicitDirectories: [OpenXRSearchLocation]
    var implicitDirectories: [OpenXRSearchLocation]
    /// `XR_ENABLE_API_LAYERS` as the loader splits it.
    var enableApiLayers: [String]
    /// Names in `XR_ENABLE_API_LAYERS` the loader would not find: each makes
    /// every xrCreateInstance fail with XR_ERROR_API_LAYER_NOT_PRESENT.
    var missingEnabledLayers: [String]
    var manifests: [LayerManifestFacts]
    /// An app started with this environment would get xrperf in its chain.
    var activeHere: Bool
    var otherLayers: [OtherLayer]

    var textLines: [String] {
        var lines: [String] = []
        if let override = explicitDirectories.first, override.origin == .apiLayerPathOverride {
            lines.append("explicit search: XR_API_LAYER_PATH only: \(explicitDirectories.map(\.path).joined(separator: ":"))")
        }
        if manifests.isEmpty {
            lines.append("searched:")
            lines += (explicitDirectories + implicitDirectories).map { "  \($0.path)" }
        }
        for manifest in manifests {
            lines += manifest.textLines
        }
        let enable = enableApiLayers.isEmpty ? "unset" : enableApiLayers.joined(separator: ":")
        lines.append("XR_ENABLE_API_LAYERS: \(enable)")
        lines.append("active for apps started from this environment: \(activeHere ? "yes" : "no")")
        if !otherLayers.isEmpty {
            lines.append("other layers: " + otherLayers.map { "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ", "))
        }
        return lines
    }
}

/// Check 3: every xrperf manifest the loader would see, whether each loads,
/// and whether an app started from this environment gets the layer.
enum LayerCheck {
    private struct Found {
        var location: OpenXRSearchLocation
        var kind: OpenXRSearchLayerKind
        var parsed: Result<ManifestApiLayer, ManifestProblem>
        /// What the loader's manifest parsing accepts (it checks that a library
        /// given as a path exists; dlopen comes later).
        var loaderAccepts = false
        var implicitEnabled = false
    }

    static func run(paths: OpenXRSearchPaths, fileSystem: LocalFileSystem) -> DoctorCheck {
        let layerName = XrPerfVersion.layerName
        var found: [Found] = []
        for kind in [OpenXRSearchLayerKind.implicit, .explicit] {
            for location in paths.apiLayerManifestFiles(kind, in: fileSystem) {
                var absolute = location
                absolute.path = fileSystem.absolute(location.path)
                var entry = Found(location: absolute, kind: kind, parsed: ManifestReader.apiLayer(at: absolute.path, kind: kind))
                if case .success(let manifest) = entry.parsed {
                    let library = ManifestLibraryPath(written: manifest.libraryPath, manifestPath: absolute.path)
                    entry.loaderAccepts = library.fileToCheck.map(fileSystem.exists) ?? true
                    if kind == .implicit, let disable = manifest.disableEnvironment {
                        entry.implicitEnabled = ManifestImplicitLayerState(
                            enableEnvironment: manifest.enableEnvironment, disableEnvironment: disable,
                            environment: paths.environment
                        ).enabled
                    }
                }
                found.append(entry)
            }
        }

        func isXrPerf(_ entry: Found) -> Bool {
            switch entry.parsed {
            case .success(let manifest): manifest.name == layerName
            // A broken manifest has no name to go by; its file name will do.
            case .failure: entry.location.path.split(separator: "/").last?.lowercased().contains("xrperf") ?? false
            }
        }

        let manifests = found.filter(isXrPerf).map { inspect($0, fileSystem: fileSystem, environment: paths.environment) }
        var others: [OtherLayer] = []
        for entry in found where !isXrPerf(entry) {
            if case .success(let manifest) = entry.parsed {
                let other = OtherLayer(name: manifest.name, kind: entry.kind)
                if !others.contains(other) { others.append(other) }
            }
        }

        // Which names in XR_ENABLE_API_LAYERS the loader finds (LoadApiLayers).
        let enabled = paths.enabledApiLayerNames
        let implicitLoaded = Set(found.filter { $0.loaderAccepts && $0.implicitEnabled }.compactMap { try? $0.parsed.get().name })
        let explicitAccepted = found.filter { $0.kind == .explicit && $0.loaderAccepts }
        let explicitNames = Set(explicitAccepted.compactMap { try? $0.parsed.get().name })
        let missing = enabled.filter { name in
            if explicitNames.contains(name) { return false }
            // Before 1.0.30 an implicit layer named here counted as found only
            // while the loop over explicit manifests ran at least once.
            let implicitCounts = paths.loaderVersion.loadsEveryDuplicateExplicitLayer || !explicitAccepted.isEmpty
            return !(implicitLoaded.contains(name) && implicitCounts)
        }

        let usableImplicitOn = manifests.filter { $0.kind == .implicit && $0.usable && ($0.implicitState?.enabled ?? false) }
        let usableExplicit = manifests.filter { $0.kind == .explicit && $0.usable }
        let named = enabled.contains(layerName)
        let active = missing.isEmpty && (!usableImplicitOn.isEmpty || (named && !usableExplicit.isEmpty))

        let facts = LayerFacts(
            explicitDirectories: paths.apiLayerDirectories(.explicit),
            implicitDirectories: paths.apiLayerDirectories(.implicit),
            enableApiLayers: enabled,
            missingEnabledLayers: missing,
            manifests: manifests,
            activeHere: active,
            otherLayers: others)
        func verdict(_ status: DoctorStatus, _ detail: String, _ hint: String) -> DoctorCheck {
            DoctorCheck(status: status, detail: detail, hint: hint, data: .layers(facts))
        }

        if manifests.isEmpty {
            return verdict(
                .fail,
                "\(layerName) is not installed: no manifest in \(facts.explicitDirectories.count + facts.implicitDirectories.count) search directories",
                "run `make install` (PREFIX=/usr/local, or PREFIX=$HOME/.local for a user install), or point XR_API_LAYER_PATH at the directory holding XrApiLayer_xrperf.json")
        }
        if !missing.isEmpty {
            let list = missing.map { $0.isEmpty ? "\"\" (an empty entry)" : $0 }.joined(separator: ", ")
            return verdict(
                .fail,
                "XR_ENABLE_API_LAYERS names \(list), which the loader cannot find: every xrCreateInstance fails with XR_ERROR_API_LAYER_NOT_PRESENT",
                "remove those names (and stray colons) from XR_ENABLE_API_LAYERS, or install the layers")
        }
        let usable = manifests.filter(\.usable)
        if usable.isEmpty {
            let first = manifests[0]
            return verdict(
                .fail,
                "no usable xrperf manifest: \(first.path): \(first.problems.first?.description ?? "unusable")",
                "reinstall with `make install`, or fix library_path in the manifest")
        }
        if usable.count < manifests.count {
            return verdict(
                .warn, "\(manifests.count - usable.count) of \(manifests.count) xrperf manifests are unusable; the loader skips them",
                "remove stale manifests (an old install under another PREFIX?)")
        }
        if usableImplicitOn.count > 1 {
            return verdict(
                .warn, "\(usableImplicitOn.count) enabled implicit xrperf manifests: the layer would be loaded \(usableImplicitOn.count) times",
                "keep one installation; remove the others' implicit.d manifests")
        }
        if usableExplicit.count > 1 {
            let effect = paths.loaderVersion.loadsEveryDuplicateExplicitLayer
                ? "this loader loads the layer \(usableExplicit.count) times when enabled"
                : "this loader uses the first, \(usableExplicit[0].path)"
            return verdict(
                .warn, "\(usableExplicit.count) explicit xrperf manifests: \(effect)",
                "keep one installation; remove the others' explicit.d manifests")
        }
        if manifests.contains(where: { !$0.problems.isEmpty }) {
            return verdict(.warn, "installed, with manifest warnings", "fix the listed manifest problems")
        }
        let kinds = usable.map(\.kind.rawValue).joined(separator: " + ")
        if active {
            return verdict(.ok, "installed (\(kinds)); active for apps started from this environment", "none needed")
        }
        let implicitStates = usable.compactMap(\.implicitState)
        let hint: String
        if let disabled = implicitStates.first(where: \.disableIsSet) {
            hint = "unset \(disabled.disableEnvironment) to load it"
        } else if let off = implicitStates.first, let enable = off.enableEnvironment {
            hint = "start apps with \(enable)=1 to load it"
        } else {
            hint = "start apps with XR_ENABLE_API_LAYERS=\(layerName) to load it"
        }
        return verdict(.ok, "installed (\(kinds)); not active for apps started from this environment", hint)
    }

    /// Checks one xrperf manifest the way the loader will use it.
    private static func inspect(_ entry: Found, fileSystem: LocalFileSystem, environment: [String: String]) -> LayerManifestFacts {
        var facts = LayerManifestFacts(
            path: entry.location.path, kind: entry.kind, origin: entry.location.origin, status: .fail, usable: false, problems: [])
        let manifest: ManifestApiLayer
        switch entry.parsed {
        case .failure(let problem):
            facts.problems = [problem]
            return facts
        case .success(let parsed):
            manifest = parsed
        }
        facts.problems = manifest.warnings
        if entry.kind == .implicit, let disable = manifest.disableEnvironment {
            facts.implicitState = ManifestImplicitLayerState(
                enableEnvironment: manifest.enableEnvironment, disableEnvironment: disable, environment: environment)
        }
        // Layer paths resolve against the manifest as found, not its real path.
        let library = ManifestLibraryPath(written: manifest.libraryPath, manifestPath: entry.location.path)
        facts.library = library
        if let file = library.fileToCheck {
            let exists = fileSystem.exists(file)
            facts.libraryExists = exists
            guard exists else {
                facts.problems.append(ManifestProblem(field: "api_layer.library_path", message: "\(file) does not exist; the loader skips this manifest"))
                return facts
            }
        }
        // RTLD_LAZY like the loader: only the negotiate symbol is needed here.
        switch DynamicLibrary.open(library.resolved, flags: RTLD_LAZY | RTLD_LOCAL) {
        case .failure(let error):
            facts.problems.append(ManifestProblem(field: "api_layer.library_path", message: "does not load: \(error.message)"))
        case .success(let opened):
            let symbol = manifest.negotiateFunctionName
            let exported = opened.symbol(symbol) != nil
            facts.negotiateFunction = symbol
            facts.negotiateFound = exported
            if exported {
                facts.usable = true
                facts.status = facts.problems.isEmpty ? .ok : .warn
            } else {
                facts.problems.append(ManifestProblem(field: nil, message: "\(library.resolved) does not export \(symbol)"))
            }
        }
        return facts
    }
}

extension String {
    /// Left-aligned in a field of `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
