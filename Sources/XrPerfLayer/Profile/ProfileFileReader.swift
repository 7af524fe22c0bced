import Glibc
import XrPerfCore

/// Reads a profile file for the layer, with the parser's size limit checked
/// before any byte is read: a huge or endless file (a FIFO, /dev/zero) costs
/// nothing. Problems come back in the parser's own format.
enum ProfileFileReader {
    static func read(_ path: String) -> Result<[UInt8], ProfileProblem> {
        func problem(_ message: String) -> Result<[UInt8], ProfileProblem> {
            .failure(ProfileProblem(file: path, position: ProfilePosition(line: 1, column: 1), path: "", message: message))
        }
        if InjectedFaults.isActive(.profileRead) {
            return problem("cannot read: \(InjectedFaults.Injected(fault: .profileRead))")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return problem("cannot read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return problem("cannot read: \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFREG else { return problem("cannot read: not a regular file") }
        if let oversized = ProfileValidator.oversized(byteCount: Int(info.st_size), file: path) {
            return .failure(oversized)
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
        }
        return .success(Array(bytes.prefix(filled)))
    }
}
