/// The version of the Khronos loader whose search rules are emulated. The rules
/// changed over releases; the ones that matter for xrperf are listed here so the
/// doctor reports what the *installed* loader does, not what the newest one does.
public struct OpenXRSearchLoaderVersion: Sendable, Codable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    public init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Debian 12's libopenxr-loader1.
    public static let debian12 = OpenXRSearchLoaderVersion(1, 0, 20)
    /// Newest release checked against (OpenXR-SDK-Source 1.1.61).
    public static let newestKnown = OpenXRSearchLoaderVersion(1, 1, 61)

    /// 1.0.29 added `active_runtime.<arch>.json`, tried before `active_runtime.json`
    /// in each config directory. 1.0.20 only knows the undecorated name.
    public var looksForArchSpecificRuntime: Bool { self >= OpenXRSearchLoaderVersion(1, 0, 29) }

    /// Up to 1.0.33 a runtime manifest whose library file did not exist was
    /// rejected while parsing; later loaders keep it and fail at dlopen. Either
    /// way the runtime does not load: this only changes the loader's message.
    public var rejectsRuntimeWithMissingLibrary: Bool { self < OpenXRSearchLoaderVersion(1, 0, 34) }

    /// From 1.0.30 every explicit manifest carrying a requested layer name is
    /// loaded (the layer lands in the chain twice when installed twice); before,
    /// the first one in search order won and the rest were ignored.
    public var loadsEveryDuplicateExplicitLayer: Bool { self >= OpenXRSearchLoaderVersion(1, 0, 30) }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    /// Reads the version from a loader file name such as
    /// `libopenxr_loader.so.1.0.20` (the real file behind the `.so.1` link).
    /// Returns nil for a name without three numeric components after `.so.`.
    public init?(libraryFileName name: String) {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let range = base.firstRange(of: ".so.") else { return nil }
        let parts = base[range.upperBound...].split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else {
            return nil
        }
        self.init(a, b, c)
    }
}
