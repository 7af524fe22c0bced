/// The info-level line logged when a session ends (without the "[xrsim] " prefix).
public func sessionEndedLine(_ stats: FrameStats) -> String {
    "session ended: frames=\(stats.frames) waits=\(stats.waits) begins=\(stats.begins) discarded=\(stats.discarded)"
}

/// The line appended to XRSIM_STATS_FILE, newline-terminated JSON.
public func sessionStatsJSON(_ stats: FrameStats, runtimeName: String) -> String {
    "{\"frames\":\(stats.frames),\"waits\":\(stats.waits),\"begins\":\(stats.begins),\"discarded\":\(stats.discarded),\"runtime\":\(jsonString(runtimeName))}\n"
}

/// A JSON string literal (RFC 8259 section 7 escapes).
public func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
