import Glibc

/// Why a file operation failed, as strerror words for the log.
struct FileFailure: Error {
    let message: String

    init(_ what: String, _ path: String) {
        message = "\(what) \(path): \(String(cString: strerror(errno)))"
    }
}

/// `mkdir -p` with mode 0700 for every directory it creates: dumps show what
/// the app rendered, which is nobody else's business.
func createDirectories(_ path: String) throws(FileFailure) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
        prefix += component
        if mkdir(prefix, 0o700) != 0 && errno != EEXIST { throw FileFailure("cannot create", prefix) }
        prefix += "/"
    }
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { throw FileFailure("not a directory:", path) }
}

/// Writes a new file beside `path` and renames it into place, so a reader
/// never sees half a dump.
func writeFileAtomically(_ path: String, _ bytes: [UInt8]) throws(FileFailure) {
    let temporary = path + ".partial"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw FileFailure("cannot open", temporary) }
    var offset = 0
    let written = bytes.withUnsafeBytes { raw -> Bool in
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
    if !written {
        let failure = FileFailure("cannot write", temporary)
        close(fd)
        unlink(temporary)
        throw failure
    }
    guard close(fd) == 0 else {
        let failure = FileFailure("cannot write", temporary)
        unlink(temporary)
        throw failure
    }
    guard rename(temporary, path) == 0 else {
        let failure = FileFailure("cannot rename to", path)
        unlink(temporary)
        throw failure
    }
}
