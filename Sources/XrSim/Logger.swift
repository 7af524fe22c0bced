import Glibc
import Synchronization
import XrSimCore

/// The threshold of the most recently created instance. Kept outside the
/// registry lock so that code holding the lock can log.
private let logThreshold = Atomic<Int>(LogLevel.warn.rawValue)

enum Log {
    static func setLevel(_ level: LogLevel) { logThreshold.store(level.rawValue, ordering: .relaxed) }

    static func enabled(_ level: LogLevel) -> Bool { level.rawValue <= logThreshold.load(ordering: .relaxed) }

    static func error(_ message: @autoclosure () -> String) { write(.error, message) }
    static func warn(_ message: @autoclosure () -> String) { write(.warn, message) }
    static func info(_ message: @autoclosure () -> String) { write(.info, message) }
    static func debug(_ message: @autoclosure () -> String) { write(.debug, message) }

    /// One write(2) per line so lines of concurrent threads never interleave.
    private static func write(_ level: LogLevel, _ message: () -> String) {
        guard enabled(level) else { return }
        let line = "[xrsim] " + message() + "\n"
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { break }
            offset += written
        }
        bytes.removeAll()
    }
}
