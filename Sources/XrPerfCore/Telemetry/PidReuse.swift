/// A live telemetry file names its writer by pid, and pids are reused: a
/// process that started after the session did cannot be its writer. Process
/// start times (/proc/<pid>/stat) count from boot including suspend
/// (CLOCK_BOOTTIME); the header's start is CLOCK_MONOTONIC, which stops during
/// suspend, so the session's start is moved onto the boot clock by the suspend
/// time so far (an upper bound of the suspend before it, the safe side).
public enum PidReuse {
    /// Slack for clock granularity (process start times have 10 ms ticks).
    public static let slackNanoseconds: Int64 = 1_000_000_000

    public static func isReused(processStartBoottimeNs: Int64, sessionStartMonotonicNs: Int64,
                                boottimeMinusMonotonicNs: Int64) -> Bool {
        let sessionStartBoottime = sessionStartMonotonicNs + max(0, boottimeMinusMonotonicNs)
        return processStartBoottimeNs > sessionStartBoottime + slackNanoseconds
    }

    /// The start time field (22nd) of /proc/<pid>/stat, in clock ticks since
    /// boot; the command name (field 2) may hold spaces and parentheses, so
    /// fields are counted from the last ')'.
    public static func startTicks(procStat text: String) -> Int64? {
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        // After ')': field 3 (state) is fields[0], so field 22 is fields[19].
        guard fields.count > 19 else { return nil }
        return Int64(fields[19])
    }
}
