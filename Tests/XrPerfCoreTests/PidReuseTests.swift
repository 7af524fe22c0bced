import Testing
@testable import XrPerfCore

@Suite struct PidReuseTests {
    @Test func processStartedAfterTheSessionIsNotItsWriter() {
        let second: Int64 = 1_000_000_000
        #expect(!PidReuse.isReused(processStartBoottimeNs: 100 * second, sessionStartMonotonicNs: 105 * second,
                                   boottimeMinusMonotonicNs: 0))
        #expect(PidReuse.isReused(processStartBoottimeNs: 200 * second, sessionStartMonotonicNs: 105 * second,
                                  boottimeMinusMonotonicNs: 0))
        // 60 s of suspend since boot: the session's start on the boot clock is later.
        #expect(!PidReuse.isReused(processStartBoottimeNs: 160 * second, sessionStartMonotonicNs: 105 * second,
                                   boottimeMinusMonotonicNs: 60 * second))
        // Within the slack of one second: not called reused.
        #expect(!PidReuse.isReused(processStartBoottimeNs: 105 * second + second / 2,
                                   sessionStartMonotonicNs: 105 * second, boottimeMinusMonotonicNs: 0))
    }

    @Test func startTicksSurviveOddCommandNames() {
        let fields = (3...30).map { $0 == 22 ? "424242" : "0" }.joined(separator: " ")
        #expect(PidReuse.startTicks(procStat: "1234 (hello_xr) " + fields) == 424242)
        #expect(PidReuse.startTicks(procStat: "1234 (a) b (c)) " + fields) == 424242)
        #expect(PidReuse.startTicks(procStat: "1234 (short) S 1 2") == nil)
        #expect(PidReuse.startTicks(procStat: "garbage") == nil)
    }
}
