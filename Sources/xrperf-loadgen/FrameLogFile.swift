import Glibc

/// --frame-log's file: created (or truncated) before OpenXR starts, so a bad
/// path stops the app at once, and written in one go at exit. A run that
/// fails leaves it empty.
struct FrameLogFile {
    let path: String
    private let descriptor: Int32

    init(path: String) throws(LoadgenError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .file("cannot create frame log '\(path)': \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.descriptor = descriptor
    }

    /// Writes `text` and closes the file.
    func write(_ text: String) throws(LoadgenError) {
        defer { close(descriptor) }
        var failure: Int32 = 0
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 {
            throw .file("cannot write frame log '\(path)': \(String(cString: strerror(failure)))")
        }
    }
}
