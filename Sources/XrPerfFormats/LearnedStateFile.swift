import Glibc
import XrPerfCore

/// The learned-state file on disk, as the layer (at session start and end,
/// never in a frame) and `xrperf tune` read and write it. Only a regular
/// file owned by this user is read or replaced: the state lives in the
/// user's home, and a symlink or someone else's file there is not ours to
/// follow or overwrite.
public enum LearnedStateFile {
    public enum Contents {
        case absent
        case loaded(LearnedState)
        case corrupt(LearnedStateProblem)
    }

    /// Why the file cannot be used at all (as opposed to a corrupt file).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    public static func locate(environment: [String: String]) throws(Failure) -> String {
        guard let path = LearnedStateLocation.path(environment: environment) else {
            throw Failure("no place for the learned state: neither XDG_STATE_HOME nor HOME is an absolute path")
        }
        return path
    }

    public static func read(_ path: String) throws(Failure) -> Contents {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return .absent }
            throw Failure("cannot read \(path): \(lastError())")
        }
        try requireOwnedRegularFile(info, path)
        if let problem = LearnedStateProblem.tooLarge(byteCount: Int(info.st_size)) { return .corrupt(problem) }
        // O_NOFOLLOW: the file may have been swapped for a symlink since lstat.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Failure("cannot read \(path): \(lastError())") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        // One byte past the limit is enough to call it too large if it grew.
        while bytes.count <= LearnedState.maximumFileBytes {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure("cannot read \(path): \(lastError())")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        switch LearnedState.decode(bytes) {
        case .success(let state): return .loaded(state)
        case .failure(let problem): return .corrupt(problem)
        }
    }

    /// Replaces the file atomically: a temporary file in the same folder
    /// (mode 0600), fsync, rename over the target, fsync of the folder. A
    /// reader (the layer at session start) sees the old file or the new one,
    /// never half of one, even across a crash.
    public static func write(_ state: LearnedState, to path: String) throws(Failure) {
        guard let slash = path.lastIndex(of: "/") else { throw Failure("\(path) is not an absolute path") }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        try makeDirectory(directory)
        var info = stat()
        if lstat(path, &info) == 0 { try requireOwnedRegularFile(info, path) }
        let temporary = directory + "/.\(LearnedStateLocation.fileName).\(getpid()).tmp"
        unlink(temporary)  // left by a crashed run of this pid number; O_EXCL below refuses anything else
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure("cannot write \(temporary): \(lastError())") }
        var failure: String?
        let bytes = state.encoded()
        var written = 0
        while failure == nil, written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno != EINTR { failure = lastError() }
            if count > 0 { written += count }
        }
        // fchmod: the umask may have taken bits off, and 0600 is the contract.
        if failure == nil, fchmod(fd, 0o600) != 0 || fsync(fd) != 0 { failure = lastError() }
        if close(fd) != 0, failure == nil { failure = lastError() }
        if failure == nil, rename(temporary, path) != 0 { failure = lastError() }
        if let failure {
            unlink(temporary)
            throw Failure("cannot write \(path): \(failure)")
        }
        // The rename itself is durable only once the folder is synced.
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Creates the folder and missing parents with mode 0700, as the XDG
    /// spec asks for state directories; an existing folder is left as it is.
    private static func makeDirectory(_ directory: String) throws(Failure) {
        var prefix = ""
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw Failure("cannot create \(prefix): \(lastError())")
            }
        }
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw Failure("cannot use \(directory): not a directory")
        }
    }

    private static func requireOwnedRegularFile(_ info: stat, _ path: String) throws(Failure) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw Failure("\(path) is a symbolic link; refusing to follow it (remove it and run again)")
        default: throw Failure("\(path) is not a regular file; refusing to use it")
        }
        guard info.st_uid == geteuid() else {
            throw Failure("\(path) belongs to user \(info.st_uid), not to you (\(geteuid())); refusing to use it")
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
