/// The file format: one JSON object, one entry per line in key order, so a
/// diff of two versions shows exactly the entries that changed.
///
///     {
///       "version": 1,
///       "entries": [
///         {"application":"hello_xr","platform":"Monado / XrSim HMD / llvmpipe","renderScale":0.85,...},
///         ...
///       ]
///     }
extension LearnedState {
    /// The file's bytes (JSON, versioned, stable key order).
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append(contentsOf: "{\n  \"version\": \(Self.formatVersion),\n  \"entries\": [".utf8)
        let sorted = sortedEntries
        for (index, entry) in sorted.enumerated() {
            bytes.append(contentsOf: (index == 0 ? "\n    " : ",\n    ").utf8)
            bytes.append(contentsOf: Self.encodedEntry(entry.key, entry.settings))
        }
        bytes.append(contentsOf: (sorted.isEmpty ? "]\n}\n" : "\n  ]\n}\n").utf8)
        return bytes
    }

    /// The separator and indent around each entry's line.
    static let entryFramingBytes = 6

    /// One entry as one line; the field order is the documented one.
    static func encodedEntry(_ key: LearnedKey, _ settings: LearnedSettings) -> [UInt8] {
        var bytes: [UInt8] = []
        var line = JSONLine(into: &bytes)
        line.field("application", key.application, into: &bytes)
        line.field("platform", key.platform, into: &bytes)
        line.field("renderScale", settings.renderScale, into: &bytes)
        line.field("frameDivisor", Int64(settings.frameDivisor), into: &bytes)
        line.field("sessions", Int64(settings.sessions), into: &bytes)
        line.field("frames", Int64(settings.frames), into: &bytes)
        line.field("weight", Int64(settings.weight), into: &bytes)
        line.field("updatedRealtimeNs", settings.updatedRealtimeNs, into: &bytes)
        line.finish(into: &bytes)
        return bytes
    }
}
