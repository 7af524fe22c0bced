/// Where a manifest's `library_path` points, resolved as the loader does:
/// a path with a slash is absolute or relative to the manifest's directory; a
/// bare file name is left to the dynamic linker's search (LD_LIBRARY_PATH,
/// ld.so.cache, /lib, /usr/lib).
///
/// The loader resolves runtime paths against the manifest's *canonical*
/// (symlink-free) path but layer paths against the path as found: the caller
/// passes whichever applies as `manifestPath`.
public struct ManifestLibraryPath: Sendable, Codable, Equatable {
    public enum Style: String, Sendable, Codable {
        case absolute
        case relativeToManifest
        case dynamicLinkerSearch
    }

    /// As written in the manifest.
    public var written: String
    /// What the loader passes to dlopen().
    public var resolved: String
    public var style: Style

    public init(written: String, manifestPath: String) {
        self.written = written
        if !written.contains("/") {
            style = .dynamicLinkerSearch
            resolved = written
        } else if written.hasPrefix("/") {
            style = .absolute
            resolved = written
        } else {
            style = .relativeToManifest
            resolved = Self.combine(Self.parent(of: manifestPath), written)
        }
    }

    /// A path that can be checked for existence; nil when the dynamic linker decides.
    public var fileToCheck: String? {
        style == .dynamicLinkerSearch ? nil : resolved
    }

    /// std::filesystem::path::parent_path for the shapes manifests take.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func combine(_ parent: String, _ child: String) -> String {
        if parent.isEmpty { return child }
        return parent.hasSuffix("/") ? parent + child : parent + "/" + child
    }
}
