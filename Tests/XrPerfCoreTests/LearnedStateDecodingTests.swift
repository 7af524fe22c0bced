import Foundation
import Testing
@testable import XrPerfCore

/// Every kind of bad learned-state file is a problem naming what is wrong;
/// none crashes and none is accepted half-way.
struct LearnedStateDecodingTests {
    static let entry = """
        {"application":"a","platform":"p","renderScale":0.85,"frameDivisor":1,"sessions":3,"frames":5400,"weight":3150,"updatedRealtimeNs":1767225600000000000}
        """
    static let valid = "{\"version\": 1, \"entries\": [\(entry)]}"

    static func problem(_ text: String) -> LearnedStateProblem? {
        problem(Array(text.utf8))
    }

    static func problem(_ bytes: [UInt8]) -> LearnedStateProblem? {
        if case .failure(let problem) = LearnedState.decode(bytes) { return problem }
        return nil
    }

    /// The valid document with one entry field's value replaced.
    static func with(_ field: String, _ value: String) -> String {
        let pattern = "\"\(field)\":"
        let start = entry.range(of: pattern)!.upperBound
        let end = entry[start...].firstIndex { $0 == "," || $0 == "}" }!
        return "{\"version\": 1, \"entries\": [\(entry.replacingCharacters(in: start..<end, with: value))]}"
    }

    @Test func validAndEmptyFilesDecode() throws {
        let state = try LearnedState.decode(Array(Self.valid.utf8)).get()
        let settings = try #require(state.settings(for: LearnedKey(application: "a", platform: "p")))
        #expect(settings == LearnedSettings(renderScale: 0.85, frameDivisor: 1, sessions: 3, frames: 5400,
                                            updatedRealtimeNs: 1_767_225_600_000_000_000, weight: 3150))
        #expect(LearnedState.decode([]) == .success(LearnedState()))
        #expect(LearnedState.decode(Array("{\"version\":1,\"entries\":[]}".utf8)) == .success(LearnedState()))
    }

    @Test func truncatedAtEveryByte() {
        let bytes = Array(Self.valid.utf8)
        for length in 1..<bytes.count {
            let problem = Self.problem(Array(bytes[0..<length]))
            #expect(problem?.kind == .truncated, "cut at \(length): \(String(describing: problem))")
        }
    }

    @Test func binaryAndNonJSON() {
        #expect(Self.problem([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0xFF, 0xFE])?.kind == .notJSON)
        #expect(Self.problem([0x00])?.kind == .notJSON)
        #expect(Self.problem("version = 1")?.kind == .notJSON)
        #expect(Self.problem("   \n")?.kind == .notJSON)
        #expect(Self.problem(Self.valid + "x")?.kind == .notJSON)
        #expect(Self.problem("[1, 2]")?.kind == .invalidValue)
        #expect(Self.problem("[[[[[[[[[[]]]]]]]]]]")?.kind == .notJSON)
        let invalidUTF8 = Self.problem([UInt8]("{\"version\": 1, \"entries\": [], \"x\": \"".utf8) + [0xC3, 0x28, 0x22, 0x7D])
        #expect(invalidUTF8?.kind == .notJSON && invalidUTF8?.message.contains("UTF-8") == true)
    }

    @Test func hugeFilesAreRefusedBySize() {
        let huge = [UInt8](repeating: UInt8(ascii: " "), count: LearnedState.maximumFileBytes + 1)
        let problem = Self.problem(huge)
        #expect(problem?.kind == .tooLarge)
        #expect(problem?.description == "file is 1048577 bytes; a learned-state file may be at most 1048576 bytes")
        let many = (0...LearnedState.maximumEntries).map {
            Self.entry.replacingOccurrences(of: "\"a\"", with: "\"a\($0)\"")
        }
        let tooMany = Self.problem("{\"version\": 1, \"entries\": [\(many.joined(separator: ","))]}")
        #expect(tooMany?.kind == .tooLarge && tooMany?.path == "entries")
    }

    @Test func wrongOrMissingVersion() {
        let newer = Self.problem(Self.valid.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2"))
        #expect(newer?.kind == .wrongVersion)
        #expect(newer?.description == "line 1, column 13: version: version 2 is not one this xrperf reads (1)")
        // Wrong version wins over keys this version does not know.
        #expect(Self.problem("{\"version\": 2, \"future\": true}")?.kind == .wrongVersion)
        #expect(Self.problem("{\"version\": \"1\", \"entries\": []}")?.kind == .wrongVersion)
        #expect(Self.problem("{\"entries\": []}")?.kind == .wrongVersion)
    }

    @Test func outOfRangeValuesNameTheirPath() {
        let cases: [(String, String, String)] = [
            ("renderScale", "0.09", "entries[0].renderScale"),
            ("renderScale", "2.01", "entries[0].renderScale"),
            ("renderScale", "\"1\"", "entries[0].renderScale"),
            ("renderScale", "null", "entries[0].renderScale"),
            ("frameDivisor", "0", "entries[0].frameDivisor"),
            ("frameDivisor", "5", "entries[0].frameDivisor"),
            ("frameDivisor", "1.5", "entries[0].frameDivisor"),
            ("sessions", "-1", "entries[0].sessions"),
            ("frames", "-5", "entries[0].frames"),
            ("frames", "1e3", "entries[0].frames"),
            ("frames", "99999999999999999999", "entries[0].frames"),
            ("weight", "-1", "entries[0].weight"),
            ("updatedRealtimeNs", "-1", "entries[0].updatedRealtimeNs"),
            ("application", "\"\"", "entries[0].application"),
            ("application", "7", "entries[0].application"),
            ("platform", "[]", "entries[0].platform"),
        ]
        for (field, value, path) in cases {
            let problem = Self.problem(Self.with(field, value))
            #expect(problem?.kind == .invalidValue && problem?.path == path, "\(field)=\(value): \(String(describing: problem))")
            #expect(problem?.position != nil)
        }
        let message = Self.problem(Self.with("renderScale", "7"))?.message
        #expect(message == "expected a number from 0.1 to 2, found 7")
        let longName = "\"" + String(repeating: "n", count: LearnedState.maximumNameBytes + 1) + "\""
        #expect(Self.problem(Self.with("platform", longName))?.path == "entries[0].platform")
    }

    @Test func missingAndUnknownKeys() {
        let missing = Self.problem(Self.valid.replacingOccurrences(of: ",\"weight\":3150", with: ""))
        #expect(missing?.kind == .invalidValue && missing?.message == "missing weight" && missing?.path == "entries[0]")
        let unknown = Self.problem(Self.valid.replacingOccurrences(of: "\"weight\"", with: "\"heft\""))
        #expect(unknown?.kind == .invalidValue && unknown?.path == "entries[0].heft")
        #expect(Self.problem("{\"version\": 1}")?.message == "missing entries")
        #expect(Self.problem("{\"version\": 1, \"entries\": {}}")?.path == "entries")
        #expect(Self.problem("{\"version\": 1, \"entries\": [1]}")?.path == "entries[0]")
        #expect(Self.problem("{\"version\": 1, \"entries\": [], \"extra\": 0}")?.path == "extra")
    }

    @Test func duplicateEntriesAndDuplicateKeys() {
        let twice = Self.problem("{\"version\": 1, \"entries\": [\(Self.entry),\n\(Self.entry)]}")
        #expect(twice?.kind == .duplicateEntry && twice?.path == "entries[1]" && twice?.position?.line == 2)
        let key = Self.problem(Self.valid.replacingOccurrences(of: "\"sessions\":3", with: "\"sessions\":3,\"sessions\":4"))
        #expect(key?.kind == .notJSON && key?.message.contains("duplicate key") == true)
        let version = Self.problem("{\"version\": 1, \"version\": 1, \"entries\": []}")
        #expect(version?.kind == .notJSON)
    }

    /// Seeded random damage to a valid file: each result is a state or a
    /// problem, never a crash, and what decodes encodes back to the same state.
    @Test func randomDamageNeverCrashes() {
        var random = TraceRandom(seed: 0x1EA2)
        var state = LearnedState()
        for index in 0..<8 {
            state.record(LearnedKey(application: "app \(index)", platform: "plat"), renderScale: 0.3 + Double(index) / 10,
                         frameDivisor: 1 + index % 4, frames: 400 + index, atRealtimeNs: 1_700_000_000_000_000_000)
        }
        let seed = state.encoded()
        for _ in 0..<5000 {
            var bytes = seed
            for _ in 0...Int(random.next() % 3) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[at] ^= UInt8(1 << (random.next() % 8))
                case 1: bytes.removeSubrange(at...)
                default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
                }
                if bytes.isEmpty { break }
            }
            if case .success(let decoded) = LearnedState.decode(bytes) {
                #expect(LearnedState.decode(decoded.encoded()) == .success(decoded))
            }
        }
    }
}
