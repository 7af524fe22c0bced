import COpenXR
import Foundation
import XrPerfCore
import XrPerfRecordingFile

/// Where the telemetry directory is and how it was chosen.
struct TelemetryLocation: Codable, Equatable {
    var directory: String
    /// `XDG_RUNTIME_DIR` or `fallback`.
    var source: String
    /// Said on stderr as well when set (for example: XDG_RUNTIME_DIR unset).
    var note: String?

    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> TelemetryLocation {
        let directory = TelemetryDirectory.path(environment: environment, uid: getuid())
        switch environment["XDG_RUNTIME_DIR"] {
        case let value? where value.hasPrefix("/"):
            return TelemetryLocation(directory: directory, source: "XDG_RUNTIME_DIR", note: nil)
        case let value? where !value.isEmpty:
            return TelemetryLocation(
                directory: directory, source: "fallback",
                note: "XDG_RUNTIME_DIR is not an absolute path ('\(value)'); using the fallback \(directory), as the layer does")
        default:
            return TelemetryLocation(
                directory: directory, source: "fallback",
                note: "XDG_RUNTIME_DIR is not set; using the fallback \(directory), as the layer does")
        }
    }
}

/// A file of the directory that was skipped or removed, and why.
struct TelemetryFileNote: Codable, Equatable {
    var file: String
    var reason: String
}

/// A session file that passed every check.
struct TelemetrySession {
    /// `<pid>-<serial>` from the file name.
    var id: String
    var pid: Int32
    var serial: UInt64
    var file: TelemetryFile
}

/// Everything found in the telemetry directory. Stale files (their process is
/// gone, or their session has ended) are removed; unusable files are skipped
/// with the reason; nothing here ever writes into a session file.
struct TelemetryScan {
    var location: TelemetryLocation
    var directoryExists = false
    /// Set when the directory itself must not be used (exit status 2).
    var directoryProblem: String?
    /// Oldest session first.
    var sessions: [TelemetrySession] = []
    var ignored: [TelemetryFileNote] = []
    var cleaned: [TelemetryFileNote] = []

    init(location: TelemetryLocation = .current(), clean: Bool = true) {
        self.location = location
        let directory = location.directory
        var info = stat()
        guard lstat(directory, &info) == 0 else {
            if errno != ENOENT { directoryProblem = "\(directory): \(String(cString: strerror(errno)))" }
            return
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            directoryProblem = "\(directory) is not a directory"
            return
        }
        guard info.st_uid == getuid() else {
            directoryProblem = "\(directory) belongs to uid \(info.st_uid), not to you (uid \(getuid())); refusing to read it"
            return
        }
        directoryExists = true
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            directoryProblem = "\(directory): cannot list: \(error.localizedDescription)"
            return
        }
        for name in names {
            let path = directory + "/" + name
            guard let (pid, serial) = TelemetryDirectory.parse(fileName: name) else {
                if name.hasSuffix(".shm") { ignored.append(.init(file: path, reason: "not a session file name")) }
                continue
            }
            var fileInfo = stat()
            guard lstat(path, &fileInfo) == 0 else { continue }
            let ours = fileInfo.st_uid == getuid()
            if ours && !Self.processExists(pid) {
                remove(path, reason: "stale: process \(pid) is gone", clean: clean)
                continue
            }
            let file: TelemetryFile
            do {
                file = try TelemetryFile(path: path)
            } catch {
                ignored.append(.init(file: path, reason: error.description))
                continue
            }
            if file.ended {
                remove(path, reason: "stale: session ended (no writer left)", clean: clean)
                continue
            }
            if file.info.pid != pid {
                ignored.append(.init(file: path, reason: "header pid \(file.info.pid) does not match the file name"))
                continue
            }
            if ours && Self.pidReused(pid, sessionStartMonotonicNs: file.info.startMonotonicNs) {
                remove(path, reason: "stale: pid \(pid) now belongs to a process started after the session", clean: clean)
                continue
            }
            sessions.append(TelemetrySession(id: "\(pid)-\(serial)", pid: pid, serial: serial, file: file))
        }
        sessions.sort { ($0.file.info.startMonotonicNs, $0.id) < ($1.file.info.startMonotonicNs, $1.id) }
    }

    private mutating func remove(_ path: String, reason: String, clean: Bool) {
        if clean && unlink(path) != 0 && errno != ENOENT {
            ignored.append(.init(file: path, reason: reason + "; cannot remove: \(String(cString: strerror(errno)))"))
        } else if clean {
            cleaned.append(.init(file: path, reason: reason))
        } else {
            ignored.append(.init(file: path, reason: reason))
        }
    }

    /// Whether `pid` is a newer process than the session's writer (see PidReuse).
    static func pidReused(_ pid: Int32, sessionStartMonotonicNs: Int64) -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let ticks = PidReuse.startTicks(procStat: text) else { return false }
        let ticksPerSecond = Int64(sysconf(Int32(_SC_CLK_TCK)))
        guard ticksPerSecond > 0 else { return false }
        var boot = timespec(), monotonic = timespec()
        clock_gettime(CLOCK_BOOTTIME, &boot)
        clock_gettime(CLOCK_MONOTONIC, &monotonic)
        let suspended = (Int64(boot.tv_sec) - Int64(monotonic.tv_sec)) * 1_000_000_000
            + (Int64(boot.tv_nsec) - Int64(monotonic.tv_nsec))
        return PidReuse.isReused(processStartBoottimeNs: ticks * (1_000_000_000 / ticksPerSecond),
                                 sessionStartMonotonicNs: sessionStartMonotonicNs, boottimeMinusMonotonicNs: suspended)
    }

    /// kill(pid, 0): ESRCH means no such process; EPERM means it exists.
    static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    /// The session a user named: `<pid>-<serial>`, a bare pid with one
    /// session, a path to the file; nil picks the most recent session.
    func session(named name: String?) throws(TelemetryInputError) -> TelemetrySession {
        if let directoryProblem { throw TelemetryInputError(directoryProblem) }
        guard let name else {
            guard let last = sessions.last else { throw TelemetryInputError(noSessionMessage) }
            return last
        }
        if let match = sessions.first(where: { $0.id == name || $0.file.path == name }) { return match }
        if let pid = Int32(name) {
            let matches = sessions.filter { $0.pid == pid }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                throw TelemetryInputError("process \(pid) has \(matches.count) sessions: "
                    + matches.map(\.id).joined(separator: ", ") + "; name one")
            }
        }
        if let note = ignored.first(where: { $0.file.hasSuffix("session-\(name).shm") || $0.file == name }) {
            throw TelemetryInputError("session \(name): \(note.reason)")
        }
        let known = sessions.isEmpty ? "no live sessions" : "live sessions: " + sessions.map(\.id).joined(separator: ", ")
        throw TelemetryInputError("no session \(name) in \(location.directory) (\(known))")
    }

    var noSessionMessage: String {
        directoryExists
            ? "no live xrperf session in \(location.directory)"
            : "no live xrperf session: \(location.directory) does not exist (no app has run with the layer since login)"
    }
}
