/// Where live telemetry files live. `$XDG_RUNTIME_DIR` is per user, 0700 and
/// wiped at logout, which is exactly right for files that only make sense
/// while the app runs. Without it (ssh sessions, some containers) xrperf uses
/// `/tmp/xrperf-<uid>`, which the layer creates 0700 and both sides refuse to
/// use when another user owns it.
public enum TelemetryDirectory {
    public static func path(environment: [String: String], uid: UInt32) -> String {
        if let runtimeDirectory = environment["XDG_RUNTIME_DIR"], runtimeDirectory.hasPrefix("/") {
            return runtimeDirectory + "/xrperf"
        }
        return "/tmp/xrperf-\(uid)"
    }

    public static func fileName(pid: Int32, serial: UInt64) -> String {
        "session-\(pid)-\(serial).shm"
    }

    /// The pid and session serial a file name encodes, or nil for any other file.
    public static func parse(fileName: String) -> (pid: Int32, serial: UInt64)? {
        guard fileName.hasPrefix("session-"), fileName.hasSuffix(".shm") else { return nil }
        let middle = fileName.dropFirst("session-".count).dropLast(".shm".count)
        let parts = middle.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, let serial = UInt64(parts[1]) else { return nil }
        return (pid, serial)
    }
}
