import Glibc
import XrPerfCore

/// The learned-settings file as the layer reads and writes it: only at
/// session start and end, never in a frame. A file that is not the layer's
/// kind (a symlink, not a regular file, too large, unparsable) is reported
/// once and replaced by the next write; nothing else is ever overwritten.
enum LearnedStateFile {
    static func path() -> String? {
        LearnedStateLocation.path(environment: processEnvironment())
    }

    /// The state in the file (empty when there is none), or the empty state
    /// with a warning when the file cannot be used.
    static func load(_ path: String) -> LearnedState {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            if errno != ENOENT { logWarn("learned settings \(path): cannot read (\(String(cString: strerror(errno)))); starting fresh") }
            return LearnedState()
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            logWarn("learned settings \(path): not a regular file; starting fresh")
            return LearnedState()
        }
        guard info.st_size <= LearnedState.maximumFileBytes else {
            logWarn("learned settings \(path): \(info.st_size) bytes, more than \(LearnedState.maximumFileBytes); starting fresh, the file will be replaced")
            return LearnedState()
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        switch LearnedState.decode(Array(bytes.prefix(filled))) {
        case .success(let state):
            return state
        case .failure(let problem):
            logWarn("learned settings \(path): \(problem); starting fresh, the file will be replaced")
            return LearnedState()
        }
    }

    /// Writes the state atomically: a temporary file beside it, synced, then
    /// renamed over it, so a crash leaves the old file or the new, never half.
    static func store(_ state: LearnedState, to path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        guard makeDirectories(directory) else {
            logWarn("learned settings: cannot create \(directory) (\(String(cString: strerror(errno))))")
            return
        }
        var existing = stat()
        if lstat(path, &existing) == 0, existing.st_mode & S_IFMT != S_IFREG {
            logWarn("learned settings \(path): not a regular file; left alone, nothing learned is kept")
            return
        }
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            logWarn("learned settings: cannot write \(temporary) (\(String(cString: strerror(errno))))")
            return
        }
        let bytes = state.encoded()
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            logWarn("learned settings: writing \(path) failed (\(String(cString: strerror(errno))))")
            unlink(temporary)
            return
        }
    }

    /// mkdir -p with 0700 for what it creates.
    private static func makeDirectories(_ directory: String) -> Bool {
        var info = stat()
        if stat(directory, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR }
        guard let slash = directory.lastIndex(of: "/"), slash != directory.startIndex else {
            return mkdir(directory, 0o700) == 0 || errno == EEXIST
        }
        guard makeDirectories(String(directory[..<slash])) else { return false }
        return mkdir(directory, 0o700) == 0 || errno == EEXIST
    }
}
