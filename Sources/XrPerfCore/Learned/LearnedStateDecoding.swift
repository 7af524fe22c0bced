/// Reading the file back: strict, because a file that is half understood
/// would start an app at a guessed scale. Any problem rejects the whole file;
/// the layer then starts from nothing and the next session end replaces it.
extension LearnedState {
    /// Parses a file; empty bytes are an empty state (a file created but never written).
    public static func decode(_ bytes: [UInt8]) -> Result<LearnedState, LearnedStateProblem> {
        if bytes.isEmpty { return .success(LearnedState()) }
        if let problem = LearnedStateProblem.tooLarge(byteCount: bytes.count) { return .failure(problem) }
        let document: ProfileJSON
        do {
            // The format nests 2 deep; a little slack lets a stray array or
            // object be reported where it is, deeper is not this file at all.
            document = try ProfileJSONParser.parse(bytes, limits: ProfileJSONLimits(maximumBytes: maximumFileBytes, maximumDepth: 8))
        } catch {
            return .failure(syntaxProblem(error))
        }
        do {
            return .success(try LearnedStateReader.state(from: document))
        } catch {
            return .failure(error)
        }
    }

    /// A file cut short fails with "found end of file" (or an unterminated
    /// string); naming that is more useful than a syntax error.
    private static func syntaxProblem(_ error: ProfileSyntaxError) -> LearnedStateProblem {
        let cutShort = error.message.hasSuffix("found end of file") || error.message == "unterminated string"
        return LearnedStateProblem(
            cutShort ? .truncated : .notJSON, cutShort ? "truncated: \(error.message)" : "not JSON: \(error.message)",
            position: error.position)
    }
}

/// Walks the parsed document, naming the key path of the first problem.
private enum LearnedStateReader {
    static let entryKeys = [
        "application", "platform", "renderScale", "frameDivisor", "sessions", "frames", "weight", "updatedRealtimeNs",
    ]

    static func state(from document: ProfileJSON) throws(LearnedStateProblem) -> LearnedState {
        let members = try object(document, path: "", expected: "a JSON object with version and entries")
        // The version first: a newer file is "wrong version", not a list of unknown keys.
        guard let version = members.first(where: { $0.key == "version" }) else {
            throw LearnedStateProblem(.wrongVersion, "no version; expected \(LearnedState.formatVersion)", position: document.position)
        }
        guard case .number(let number, _) = version.value.value, number == Double(LearnedState.formatVersion) else {
            throw LearnedStateProblem(
                .wrongVersion,
                "version \(version.value.foundDescription) is not one this xrperf reads (\(LearnedState.formatVersion))",
                path: "version", position: version.value.position)
        }
        try onlyKeys(members, ["version", "entries"], path: "")
        guard let list = members.first(where: { $0.key == "entries" }) else {
            throw LearnedStateProblem(.invalidValue, "missing entries", position: document.position)
        }
        guard case .array(let items) = list.value.value else {
            throw invalid("entries", list.value, expected: "an array")
        }
        guard items.count <= LearnedState.maximumEntries else {
            throw LearnedStateProblem(
                .tooLarge, "\(items.count) entries; at most \(LearnedState.maximumEntries)", path: "entries",
                position: list.value.position)
        }
        var state = LearnedState()
        for (index, item) in items.enumerated() {
            let path = "entries[\(index)]"
            let (key, settings) = try entry(item, path: path)
            guard state.entries[key] == nil else {
                throw LearnedStateProblem(
                    .duplicateEntry,
                    "a second entry for application \"\(ProfileText.escaped(key.application, limit: 40))\" on platform \"\(ProfileText.escaped(key.platform, limit: 60))\"",
                    path: path, position: item.position)
            }
            state.entries[key] = settings
        }
        return state
    }

    private static func entry(_ item: ProfileJSON, path: String) throws(LearnedStateProblem) -> (LearnedKey, LearnedSettings) {
        let members = try object(item, path: path, expected: "an object")
        try onlyKeys(members, entryKeys, path: path)
        func value(_ name: String) throws(LearnedStateProblem) -> ProfileJSON {
            guard let member = members.first(where: { $0.key == name }) else {
                throw LearnedStateProblem(.invalidValue, "missing \(name)", path: path, position: item.position)
            }
            return member.value
        }
        let key = LearnedKey(
            application: try name(value("application"), path: path + ".application"),
            platform: try name(value("platform"), path: path + ".platform"))
        let scalePath = path + ".renderScale"
        let scaleValue = try value("renderScale")
        guard case .number(let scale, _) = scaleValue.value, LearnedState.renderScaleRange.contains(scale) else {
            throw invalid(scalePath, scaleValue, expected: "a number from 0.1 to 2")
        }
        let settings = LearnedSettings(
            renderScale: scale,
            frameDivisor: Int(try integer(value("frameDivisor"), path: path + ".frameDivisor", range: 1...4)),
            sessions: Int(try integer(value("sessions"), path: path + ".sessions")),
            frames: Int(try integer(value("frames"), path: path + ".frames")),
            updatedRealtimeNs: try integer(value("updatedRealtimeNs"), path: path + ".updatedRealtimeNs"),
            weight: Int(try integer(value("weight"), path: path + ".weight")))
        return (key, settings)
    }

    private static func object(_ value: ProfileJSON, path: String, expected: String) throws(LearnedStateProblem) -> [ProfileJSON.Member] {
        guard case .object(let members) = value.value else { throw invalid(path, value, expected: expected) }
        return members
    }

    private static func onlyKeys(_ members: [ProfileJSON.Member], _ allowed: [String], path: String) throws(LearnedStateProblem) {
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            throw LearnedStateProblem(
                .invalidValue, "unknown key (expected one of \(allowed.joined(separator: ", ")))",
                path: (path.isEmpty ? "" : path + ".") + ProfileText.escaped(unknown.key, limit: 40), position: unknown.keyPosition)
        }
    }

    private static func name(_ value: ProfileJSON, path: String) throws(LearnedStateProblem) -> String {
        guard case .string(let text) = value.value, !text.isEmpty, text.utf8.count <= LearnedState.maximumNameBytes else {
            throw invalid(path, value, expected: "a non-empty string of at most \(LearnedState.maximumNameBytes) bytes")
        }
        return text
    }

    /// Integers from their text: nanoseconds since 1970 need all 64 bits,
    /// more than a Double holds exactly.
    private static func integer(
        _ value: ProfileJSON, path: String, range: ClosedRange<Int64> = 0...Int64.max
    ) throws(LearnedStateProblem) -> Int64 {
        guard case .number(_, let text) = value.value, let number = Int64(text), range.contains(number) else {
            let bound = range.upperBound == Int64.max ? "a whole number >= \(range.lowerBound)" : "a whole number from \(range.lowerBound) to \(range.upperBound)"
            throw invalid(path, value, expected: bound)
        }
        return number
    }

    private static func invalid(_ path: String, _ value: ProfileJSON, expected: String) -> LearnedStateProblem {
        LearnedStateProblem(
            .invalidValue, "expected \(expected), found \(value.foundDescription)", path: path, position: value.position)
    }
}
