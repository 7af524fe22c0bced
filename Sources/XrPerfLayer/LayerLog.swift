import Glibc
import Synchronization
import XrPerfCore

/// The layer's log: `XRPERF_LOG_LEVEL` picks the threshold, `XRPERF_LOG_FILE`
/// sends lines to a file instead of stderr. Lines are written with one
/// write(2) each so lines from several threads never interleave. Formatting
/// allocates, so nothing on the frame path logs at a level that is on by default.
final class LayerLog: Sendable {
    static let shared = LayerLog()

    let level: LogLevel
    private let fd: Int32

    private init() {
        var level = LogLevel.default
        var levelComplaint: String?
        if let raw = getenv("XRPERF_LOG_LEVEL") {
            let text = String(cString: raw)
            if let parsed = LogLevel(parsing: text) {
                level = parsed
            } else {
                levelComplaint = "XRPERF_LOG_LEVEL='\(text)' is not one of error, warn, info, debug; using warn"
            }
        }
        var fd: Int32 = 2
        var fileComplaint: String?
        if let raw = getenv("XRPERF_LOG_FILE"), raw.pointee != 0 {
            let opened = open(raw, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            if opened >= 0 {
                fd = opened
            } else {
                fileComplaint = "cannot open XRPERF_LOG_FILE '\(String(cString: raw))': \(String(cString: strerror(errno))); logging to stderr"
            }
        }
        self.level = level
        self.fd = fd
        if let levelComplaint { write(.warn, levelComplaint) }
        if let fileComplaint { write(.warn, fileComplaint) }
    }

    func enabled(_ level: LogLevel) -> Bool { level <= self.level }

    func write(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard enabled(level) else { return }
        var line = "[xrperf] "
        if level != .info { line += level.name + ": " }
        line += message()
        line += "\n"
        var utf8 = line.utf8CString
        utf8.withUnsafeMutableBufferPointer { buffer in
            var offset = 0
            let length = buffer.count - 1  // without the terminating NUL
            while offset < length {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, length - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}

func logError(_ message: @autoclosure () -> String) { LayerLog.shared.write(.error, message()) }
func logWarn(_ message: @autoclosure () -> String) { LayerLog.shared.write(.warn, message()) }
func logInfo(_ message: @autoclosure () -> String) { LayerLog.shared.write(.info, message()) }
func logDebug(_ message: @autoclosure () -> String) { LayerLog.shared.write(.debug, message()) }

/// A warning that is worth saying once per process, not once per frame.
final class LogOnce: Sendable {
    private let said = Atomic<Bool>(false)

    func warn(_ message: @autoclosure () -> String) {
        if said.exchange(true, ordering: .relaxed) { return }
        logWarn(message())
    }
}
