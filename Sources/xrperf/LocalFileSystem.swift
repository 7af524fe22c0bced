import Foundation
import XrPerfCore

/// The real filesystem behind XrPerfCore's manifest search.
struct LocalFileSystem: OpenXRSearchFileSystem {
    func kind(ofPath path: String) -> OpenXRSearchFileKind {
        var info = stat()
        // stat() follows symlinks, like std::filesystem::exists in the loader.
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    func entries(ofDirectory path: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: path)
    }

    func exists(_ path: String) -> Bool {
        kind(ofPath: path) != .missing
    }

    /// realpath(3); nil when a component is missing.
    func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` made absolute against the current directory, as the loader's
    /// std::filesystem::absolute does for relative XR_API_LAYER_PATH entries.
    func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = FileManager.default.currentDirectoryPath
        return cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
    }
}
