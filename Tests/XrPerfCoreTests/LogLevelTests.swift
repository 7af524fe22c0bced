import Testing
@testable import XrPerfCore

@Suite struct LogLevelTests {
    @Test(arguments: [("error", LogLevel.error), ("WARN", .warn), ("warning", .warn), ("Info", .info),
                      ("debug", .debug), ("0", .error), ("3", .debug)])
    func parsesWhatUsersType(text: String, level: LogLevel) {
        #expect(LogLevel(parsing: text) == level)
    }

    @Test(arguments: ["", "verbose", "4", " info"])
    func rejectsUnknownValues(text: String) {
        #expect(LogLevel(parsing: text) == nil)
    }

    @Test func orderingGoesFromQuietToChatty() {
        #expect(LogLevel.error < .warn && LogLevel.warn < .info && LogLevel.info < .debug)
        #expect(LogLevel.default == .warn)
    }
}
