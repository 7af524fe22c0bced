import Testing
import XrPerfCore

/// An in-memory tree: paths of files, and directories derived from them.
struct OpenXRSearchFakeFileSystem: OpenXRSearchFileSystem {
    var files: Set<String>
    var extraDirectories: Set<String> = []

    func kind(ofPath path: String) -> OpenXRSearchFileKind {
        let path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        if files.contains(path) { return .regularFile }
        if extraDirectories.contains(path) || files.contains(where: { $0.hasPrefix(path + "/") }) { return .directory }
        return .missing
    }

    func entries(ofDirectory path: String) -> [String]? {
        guard kind(ofPath: path) == .directory else { return nil }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var names = Set<String>()
        for file in files where file.hasPrefix(prefix) {
            if let name = file.dropFirst(prefix.count).split(separator: "/").first {
                names.insert(String(name))
            }
        }
        return Array(names)
    }
}

@Suite struct OpenXRSearchRuntimeTests {
    @Test func overrideWinsEvenWhenMissing() {
        let paths = OpenXRSearchPaths(environment: ["XR_RUNTIME_JSON": "/nope/rt.json", "HOME": "/home/u"])
        let result = paths.activeRuntimeManifest(in: OpenXRSearchFakeFileSystem(files: ["/etc/xdg/openxr/1/active_runtime.json"]))
        #expect(result.chosen == OpenXRSearchLocation(path: "/nope/rt.json", origin: .runtimeOverride))
        #expect(result.searched.count == 1)
    }

    @Test func emptyOverrideCountsAsUnset() {
        let paths = OpenXRSearchPaths(environment: ["XR_RUNTIME_JSON": "", "HOME": "/home/u"], loaderVersion: .debian12)
        #expect(paths.runtimeManifestCandidates().first?.path == "/home/u/.config/openxr/1/active_runtime.json")
    }

    @Test func orderForLoader1_0_20() {
        let paths = OpenXRSearchPaths(
            environment: ["HOME": "/home/u", "XDG_CONFIG_DIRS": "/a::/b"], loaderVersion: .debian12)
        #expect(paths.runtimeManifestCandidates().map(\.path) == [
            "/home/u/.config/openxr/1/active_runtime.json",
            "/a/openxr/1/active_runtime.json",
            "/b/openxr/1/active_runtime.json",
            "/etc/openxr/1/active_runtime.json",
        ])
        #expect(paths.runtimeManifestCandidates().map(\.origin) == [.xdgConfigHome, .xdgConfigDirs, .xdgConfigDirs, .sysconfdir])
    }

    @Test func newerLoadersTryTheArchSpecificNameFirst() {
        let paths = OpenXRSearchPaths(environment: ["XDG_CONFIG_HOME": "/cfg"], loaderVersion: .newestKnown)
        #expect(paths.runtimeManifestCandidates().map(\.path) == [
            "/cfg/openxr/1/active_runtime.x86_64.json",
            "/cfg/openxr/1/active_runtime.json",
            "/etc/xdg/openxr/1/active_runtime.x86_64.json",
            "/etc/xdg/openxr/1/active_runtime.json",
            "/etc/openxr/1/active_runtime.x86_64.json",
            "/etc/openxr/1/active_runtime.json",
        ])
    }

    @Test func noHomeSkipsConfigHome() {
        let paths = OpenXRSearchPaths(environment: [:], loaderVersion: .debian12)
        #expect(paths.runtimeManifestCandidates().map(\.path) == [
            "/etc/xdg/openxr/1/active_runtime.json", "/etc/openxr/1/active_runtime.json",
        ])
    }

    @Test func firstExistingWins() {
        let fs = OpenXRSearchFakeFileSystem(files: ["/etc/openxr/1/active_runtime.json", "/etc/xdg/openxr/1/active_runtime.json"])
        let paths = OpenXRSearchPaths(environment: ["HOME": "/home/u"], loaderVersion: .debian12)
        let result = paths.activeRuntimeManifest(in: fs)
        #expect(result.chosen?.path == "/etc/xdg/openxr/1/active_runtime.json")
        #expect(result.chosen?.origin == .xdgConfigDirs)
    }

    @Test func oldLoaderIgnoresArchSpecificFile() {
        let fs = OpenXRSearchFakeFileSystem(files: ["/etc/xdg/openxr/1/active_runtime.x86_64.json"])
        #expect(OpenXRSearchPaths(environment: [:], loaderVersion: .debian12).activeRuntimeManifest(in: fs).chosen == nil)
        #expect(OpenXRSearchPaths(environment: [:]).activeRuntimeManifest(in: fs).chosen?.path
            == "/etc/xdg/openxr/1/active_runtime.x86_64.json")
    }

    @Test func extraSysconfdirComesLast() {
        let paths = OpenXRSearchPaths(environment: [:], loaderVersion: .debian12, sysconfdir: "/usr/local/etc", extraSysconfdir: "/etc")
        #expect(paths.runtimeManifestCandidates().map(\.path).suffix(2) == [
            "/usr/local/etc/openxr/1/active_runtime.json", "/etc/openxr/1/active_runtime.json",
        ])
    }
}

@Suite struct OpenXRSearchLayerTests {
    @Test func defaultOrderHasNoConfigHome() {
        let paths = OpenXRSearchPaths(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg"])
        #expect(paths.apiLayerDirectories(.implicit).map(\.path) == [
            "/etc/xdg/openxr/1/api_layers/implicit.d",
            "/etc/openxr/1/api_layers/implicit.d",
            "/usr/local/share/openxr/1/api_layers/implicit.d",
            "/usr/share/openxr/1/api_layers/implicit.d",
            "/home/u/.local/share/openxr/1/api_layers/implicit.d",
        ])
    }

    @Test func xdgVariablesReplaceDefaults() {
        let paths = OpenXRSearchPaths(environment: [
            "HOME": "/home/u", "XDG_CONFIG_DIRS": "/c1:/c2/", "XDG_DATA_DIRS": "/d1", "XDG_DATA_HOME": "/dh",
        ])
        #expect(paths.apiLayerDirectories(.explicit).map(\.path) == [
            "/c1/openxr/1/api_layers/explicit.d",
            "/c2/openxr/1/api_layers/explicit.d",
            "/etc/openxr/1/api_layers/explicit.d",
            "/d1/openxr/1/api_layers/explicit.d",
            "/dh/openxr/1/api_layers/explicit.d",
        ])
        #expect(paths.apiLayerDirectories(.explicit).map(\.origin) == [
            .xdgConfigDirs, .xdgConfigDirs, .sysconfdir, .xdgDataDirs, .xdgDataHome,
        ])
    }

    @Test func apiLayerPathReplacesExplicitSearchOnly() {
        let paths = OpenXRSearchPaths(environment: ["XR_API_LAYER_PATH": "/x:/y", "HOME": "/home/u"])
        #expect(paths.apiLayerDirectories(.explicit) == [
            OpenXRSearchLocation(path: "/x", origin: .apiLayerPathOverride),
            OpenXRSearchLocation(path: "/y", origin: .apiLayerPathOverride),
        ])
        #expect(paths.apiLayerDirectories(.implicit).count == 5)
    }

    @Test func pathListQuirks() {
        #expect(OpenXRSearchPaths.loaderPathList("/a::/b") == ["/a", "/", "/b"])
        #expect(OpenXRSearchPaths.loaderPathList(":/a") == ["/", "/a"])
        #expect(OpenXRSearchPaths.loaderPathList("/a:") == ["/a"])
        #expect(OpenXRSearchPaths.loaderPathList("/") == [])
        #expect(OpenXRSearchPaths.loaderPathList("") == [])
    }

    @Test func manifestFilesInOrderJsonOnly() {
        let fs = OpenXRSearchFakeFileSystem(files: [
            "/usr/share/openxr/1/api_layers/explicit.d/b.json",
            "/usr/share/openxr/1/api_layers/explicit.d/a.json",
            "/usr/share/openxr/1/api_layers/explicit.d/readme.txt",
            "/home/u/.local/share/openxr/1/api_layers/explicit.d/mine.json",
        ])
        let paths = OpenXRSearchPaths(environment: ["HOME": "/home/u"])
        #expect(paths.apiLayerManifestFiles(.explicit, in: fs).map(\.path) == [
            "/usr/share/openxr/1/api_layers/explicit.d/a.json",
            "/usr/share/openxr/1/api_layers/explicit.d/b.json",
            "/home/u/.local/share/openxr/1/api_layers/explicit.d/mine.json",
        ])
    }

    @Test func directoryListedTwiceIsReadTwice() {
        let fs = OpenXRSearchFakeFileSystem(files: ["/s/openxr/1/api_layers/implicit.d/x.json"])
        let paths = OpenXRSearchPaths(environment: ["XDG_DATA_DIRS": "/s:/s"])
        #expect(paths.apiLayerManifestFiles(.implicit, in: fs).count == 2)
    }

    @Test func enabledLayerListKeepsInnerEmptyNames() {
        #expect(OpenXRSearchPaths(environment: [:]).enabledApiLayerNames == [])
        #expect(OpenXRSearchPaths(environment: ["XR_ENABLE_API_LAYERS": "A:B:"]).enabledApiLayerNames == ["A", "B"])
        #expect(OpenXRSearchPaths(environment: ["XR_ENABLE_API_LAYERS": "A::B"]).enabledApiLayerNames == ["A", "", "B"])
    }
}

@Suite struct OpenXRSearchLoaderVersionTests {
    @Test func parsesRealFileName() {
        #expect(OpenXRSearchLoaderVersion(libraryFileName: "/usr/lib/x86_64-linux-gnu/libopenxr_loader.so.1.0.20") == .debian12)
        #expect(OpenXRSearchLoaderVersion(libraryFileName: "libopenxr_loader.so.1") == nil)
        #expect(OpenXRSearchLoaderVersion(libraryFileName: "libopenxr_loader.so") == nil)
    }

    @Test func featureBoundaries() {
        #expect(!OpenXRSearchLoaderVersion(1, 0, 28).looksForArchSpecificRuntime)
        #expect(OpenXRSearchLoaderVersion(1, 0, 29).looksForArchSpecificRuntime)
        #expect(!OpenXRSearchLoaderVersion.debian12.loadsEveryDuplicateExplicitLayer)
        #expect(OpenXRSearchLoaderVersion(1, 1, 0).loadsEveryDuplicateExplicitLayer)
        #expect(OpenXRSearchLoaderVersion.debian12.rejectsRuntimeWithMissingLibrary)
    }
}
