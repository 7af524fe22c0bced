/// Where the Khronos OpenXR loader looks for the active runtime manifest and for
/// API layer manifests on Linux.
///
/// Read from the loader source (`src/loader/manifest_file.cpp` and
/// `api_layer_interface.cpp` of OpenXR-SDK-Source, release-1.0.20 through
/// 1.1.61), not from the prose of the loader spec: where they disagree, the code
/// is what apps get. Pure: the environment is a parameter and every filesystem
/// question goes through `OpenXRSearchFileSystem`, so the rules are unit-tested.
///
/// Environment semantics copied from the loader: a variable that is set but
/// empty counts as unset (`GetSecure` returns ""), except for the enable and
/// disable variables of implicit layers, where being set at all is what counts.
/// The loader ignores every override under setuid/setgid; xrperf never runs so.
public struct OpenXRSearchPaths: Sendable {
    public var environment: [String: String]
    /// Whose rules: they changed over releases (see `OpenXRSearchLoaderVersion`).
    public var loaderVersion: OpenXRSearchLoaderVersion
    /// The loader's compiled-in `SYSCONFDIR`. Distribution loaders use `/etc`;
    /// a loader built with another prefix also searches `/etc` (EXTRASYSCONFDIR),
    /// which `extraSysconfdir` models.
    public var sysconfdir: String
    public var extraSysconfdir: String?
    public var fallbackConfigDirs: String
    public var fallbackDataDirs: String
    /// `XR_ARCH_ABI` of the loader build, for `active_runtime.<arch>.json`.
    public var architecture: String

    /// The API major version in every path: `openxr/1/...`.
    public static let majorVersion = 1

    public init(
        environment: [String: String],
        loaderVersion: OpenXRSearchLoaderVersion = .newestKnown,
        sysconfdir: String = "/etc",
        extraSysconfdir: String? = nil,
        fallbackConfigDirs: String = "/etc/xdg",
        fallbackDataDirs: String = "/usr/local/share:/usr/share",
        architecture: String = "x86_64"
    ) {
        self.environment = environment
        self.loaderVersion = loaderVersion
        self.sysconfdir = sysconfdir
        self.extraSysconfdir = extraSysconfdir
        self.fallbackConfigDirs = fallbackConfigDirs
        self.fallbackDataDirs = fallbackDataDirs
        self.architecture = architecture
    }

    /// A variable as the loader's `GetSecure` sees it: empty is the same as unset.
    public func value(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    // MARK: Runtime

    /// Every file the loader would try for the active runtime, in order; the
    /// first that exists wins. With `XR_RUNTIME_JSON` set, that file alone, and
    /// it is used whether it exists or not (the loader then fails to open it).
    public func runtimeManifestCandidates() -> [OpenXRSearchLocation] {
        if let override = value(OpenXRSearchOrigin.runtimeOverride.rawValue) {
            return [OpenXRSearchLocation(path: override, origin: .runtimeOverride)]
        }
        var prefixes: [(String, OpenXRSearchOrigin)] = []
        if let home = configHome {
            prefixes.append((home, .xdgConfigHome))
        }
        // getline() over XDG_CONFIG_DIRS: empty entries are skipped here, unlike
        // in the layer search below.
        let configDirs = value("XDG_CONFIG_DIRS") ?? fallbackConfigDirs
        for entry in configDirs.split(separator: ":", omittingEmptySubsequences: true) {
            prefixes.append((String(entry), .xdgConfigDirs))
        }
        prefixes.append((sysconfdir, .sysconfdir))
        if let extra = extraSysconfdir {
            prefixes.append((extra, .sysconfdir))
        }

        let fileNames = runtimeManifestFileNames
        return prefixes.flatMap { prefix, origin in
            fileNames.map { name in
                OpenXRSearchLocation(path: "\(prefix)/openxr/\(Self.majorVersion)/\(name)", origin: origin)
            }
        }
    }

    /// The names tried in each directory, most specific first.
    public var runtimeManifestFileNames: [String] {
        loaderVersion.looksForArchSpecificRuntime
            ? ["active_runtime.\(architecture).json", "active_runtime.json"]
            : ["active_runtime.json"]
    }

    /// The manifest the loader would use, with everything it looked at.
    public func activeRuntimeManifest(in fileSystem: some OpenXRSearchFileSystem) -> OpenXRSearchRuntimeResult {
        let candidates = runtimeManifestCandidates()
        if let first = candidates.first, first.origin == .runtimeOverride {
            return OpenXRSearchRuntimeResult(chosen: first, searched: candidates)
        }
        // FileSysUtilsPathExists: anything that exists counts, even a directory
        // (which then fails to parse); a dangling symlink does not.
        let chosen = candidates.first { fileSystem.kind(ofPath: $0.path) != .missing }
        return OpenXRSearchRuntimeResult(chosen: chosen, searched: candidates)
    }

    // MARK: API layers

    /// The directories searched for one kind of layer manifest, in order.
    ///
    /// `XR_API_LAYER_PATH` replaces the whole search for explicit layers and is
    /// ignored for implicit ones. Note what the loader does *not* search for
    /// layers: `$XDG_CONFIG_HOME`. User installs go to `$XDG_DATA_HOME`.
    public func apiLayerDirectories(_ kind: OpenXRSearchLayerKind) -> [OpenXRSearchLocation] {
        let relative = "openxr/\(Self.majorVersion)/api_layers/\(kind.directoryName)"
        if kind == .explicit, let override = value(OpenXRSearchOrigin.apiLayerPathOverride.rawValue) {
            return Self.loaderPathList(override).map {
                OpenXRSearchLocation(path: $0, origin: .apiLayerPathOverride)
            }
        }
        var result: [OpenXRSearchLocation] = []
        func add(_ list: String, _ origin: OpenXRSearchOrigin, relative: String) {
            for entry in Self.loaderPathList(list) {
                result.append(OpenXRSearchLocation(path: Self.join(entry, relative), origin: origin))
            }
        }
        add(value("XDG_CONFIG_DIRS") ?? fallbackConfigDirs, .xdgConfigDirs, relative: relative)
        add(sysconfdir, .sysconfdir, relative: relative)
        if let extra = extraSysconfdir {
            add(extra, .sysconfdir, relative: relative)
        }
        add(value("XDG_DATA_DIRS") ?? fallbackDataDirs, .xdgDataDirs, relative: relative)
        if let dataHome = value("XDG_DATA_HOME") {
            add(dataHome, .xdgDataHome, relative: relative)
        } else if let home = value("HOME") {
            add(home, .xdgDataHome, relative: ".local/share/" + relative)
        }
        return result
    }

    /// Every `*.json` file in the layer directories, in the order the loader
    /// reads them. Within one directory the loader takes readdir() order, which
    /// no one can rely on; this sorts by name so output is stable. A directory
    /// listed twice is read twice, as the loader does.
    public func apiLayerManifestFiles(
        _ kind: OpenXRSearchLayerKind,
        in fileSystem: some OpenXRSearchFileSystem
    ) -> [OpenXRSearchLocation] {
        var files: [OpenXRSearchLocation] = []
        for directory in apiLayerDirectories(kind) {
            guard fileSystem.kind(ofPath: directory.path) != .missing,
                let names = fileSystem.entries(ofDirectory: directory.path)
            else { continue }
            for name in names.sorted() where name.hasSuffix(".json") {
                files.append(OpenXRSearchLocation(path: Self.join(directory.path, name), origin: directory.origin))
            }
        }
        return files
    }

    /// `XR_ENABLE_API_LAYERS`, split as the loader splits it. Empty entries in
    /// the middle or at the start are kept: the loader looks for a layer named
    /// "" and then fails xrCreateInstance with XR_ERROR_API_LAYER_NOT_PRESENT.
    public var enabledApiLayerNames: [String] {
        guard let list = environment["XR_ENABLE_API_LAYERS"], !list.isEmpty else { return [] }
        var names = list.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if names.last == "" {
            names.removeLast()
        }
        return names
    }

    // MARK: Helpers

    /// `$XDG_CONFIG_HOME`, else `$HOME/.config`, else nothing.
    var configHome: String? {
        if let home = value("XDG_CONFIG_HOME") { return home }
        if let home = value("HOME") { return home + "/.config" }
        return nil
    }

    /// A colon-separated list as the loader's CopyIncludedPaths + AddFilesInPath
    /// turn it into directories. Its quirks, kept because they decide what is
    /// searched: an empty entry before the last one becomes the root directory
    /// (`a::b` searches `/`+relative); a trailing empty entry is dropped; and a
    /// whole list of one character is dropped.
    public static func loaderPathList(_ list: String) -> [String] {
        guard list.count > 1 else { return [] }
        var entries = list.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if entries.last == "" {
            entries.removeLast()
        }
        return entries.map { $0.isEmpty ? "/" : $0 }
    }

    /// `entry` + `/` + `relative`, without doubling a trailing slash.
    static func join(_ entry: String, _ relative: String) -> String {
        if relative.isEmpty { return entry }
        return entry.hasSuffix("/") ? entry + relative : entry + "/" + relative
    }
}

/// Explicit layers load only when named; implicit ones load unless disabled.
public enum OpenXRSearchLayerKind: String, Sendable, Codable, CaseIterable {
    case explicit
    case implicit

    /// The directory under `openxr/1/api_layers/`.
    public var directoryName: String { "\(rawValue).d" }
}

/// The outcome of the runtime search: the manifest chosen (if any) and every
/// path tried, for messages that say where to put one.
public struct OpenXRSearchRuntimeResult: Sendable, Codable, Equatable {
    public var chosen: OpenXRSearchLocation?
    public var searched: [OpenXRSearchLocation]
}
