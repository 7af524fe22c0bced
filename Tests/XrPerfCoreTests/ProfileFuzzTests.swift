import Testing
@testable import XrPerfCore

/// Seeded random mutations of valid profiles through parse and validate:
/// none may crash, hang or be accepted half-way.
struct ProfileFuzzTests {
    /// The trace generator's deterministic generator: a failure reproduces from its seed.
    struct Random {
        var generator: TraceRandom
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ n: Int) -> Int { Int(generator.next() % UInt64(max(n, 1))) }
    }

    static let seeds: [String] = [
        ProfileStarter.text,
        """
        {"version": 1, "defaults": {"preset": "power-saver", "telemetry": {"recordPath": "/tmp/r-%p.jsonl", "ringSize": 4096}},
         "platforms": [{"match": {"gpuVendor": "software", "os": "linux"}, "settings": {"foveation": {"mode": "gaze", "focusOffsetY": -0.1}}}],
         "apps": [{"name": "\\u00e9t\\u00e9 \\ud83d\\ude00", "match": {"application": "a*b*c"}, "settings": {"controller": {"enabled": false, "holdAfterDecrease": 3}}}]}
        """,
    ]

    static let tokens: [[UInt8]] = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "1e9", "-0.5", "null", "true",
        "\"version\"", "\"apps\"", "{\"match\":{},\"settings\":{}}", "\u{00e9}", "\n", "*"].map { Array($0.utf8) }

    @Test func twentyThousandMutationsNeverCrash() {
        var random = Random(generator: TraceRandom(seed: 0x5EED))
        let clock = ContinuousClock()
        let start = clock.now
        var accepted = 0
        for round in 0..<20_000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0...random.below(4) {
                switch random.below(5) {
                case 0 where !bytes.isEmpty:
                    bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8))
                case 1 where !bytes.isEmpty:
                    bytes.removeSubrange(random.below(bytes.count)...)
                case 2:
                    bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: random.below(bytes.count + 1))
                case 3:
                    bytes.insert(contentsOf: Self.tokens[random.below(Self.tokens.count)], at: random.below(bytes.count + 1))
                default:
                    if !bytes.isEmpty {
                        let from = random.below(bytes.count)
                        bytes.removeSubrange(from..<min(bytes.count, from + random.below(16)))
                    }
                }
            }
            let result = ProfileValidator.load(bytes, file: "fuzz.json")
            // Exactly one of: a document, or problems that all say where.
            #expect((result.document == nil) != result.problems.isEmpty)
            for problem in result.problems {
                #expect(problem.line >= 1 && problem.column >= 1)
            }
            if let document = result.document {
                accepted += 1
                _ = ProfileResolver.resolve(document: document, facts: PlatformFacts(), environment: [:]).typed
            }
        }
        #expect(accepted > 0)
        #expect(clock.now - start < .seconds(30))
    }
}
