import Testing
@testable import XrPerfCore

@Suite struct RefreshRatePlannerTests {
    static let second: Int64 = 1_000_000_000

    /// Feeds decisions 10 ms apart for `seconds`, returning the requests.
    static func run(_ planner: inout RefreshRatePlanner, cpuMs: Double, seconds: Double, from start: Int64) -> [Float] {
        var requests: [Float] = []
        for step in 0..<Int(seconds * 100) {
            if let rate = planner.decided(gpuMs: 1, cpuMs: cpuMs, headroom: 0.1, halfRate: false,
                                          atNs: start + Int64(step) * 10_000_000) {
                requests.append(rate)
            }
        }
        return requests
    }

    @Test func sustainedOverloadStepsDownAndRoomStepsBackUp() {
        var planner = RefreshRatePlanner(rates: [90, 60, 72], current: 90)
        #expect(planner.rates == [60, 72, 90])
        // 15 ms of CPU: over at 90 and 72 Hz, fits 60 Hz.
        #expect(Self.run(&planner, cpuMs: 15, seconds: 1.9, from: 0).isEmpty)
        #expect(Self.run(&planner, cpuMs: 15, seconds: 10, from: Int64(1.9 * 1e9)) == [72, 60])
        #expect(planner.current == 60)
        // Light again: up one rate at a time, each after its own wait.
        #expect(Self.run(&planner, cpuMs: 3, seconds: 20, from: 20 * Self.second) == [72, 90])
    }

    @Test func noFlappingAndNothingToDoWithOneRate() {
        var planner = RefreshRatePlanner(rates: [72, 90], current: 90)
        // Alternating over and under every second never lasts long enough.
        for second in 0..<20 {
            let requests = Self.run(&planner, cpuMs: second % 2 == 0 ? 15 : 3, seconds: 1, from: Int64(second) * Self.second)
            #expect(requests.isEmpty)
        }
        var single = RefreshRatePlanner(rates: [90], current: 90)
        #expect(Self.run(&single, cpuMs: 50, seconds: 10, from: 0).isEmpty)
        #expect(single.decided(gpuMs: .nan, cpuMs: 1, headroom: 0.1, halfRate: false, atNs: 0) == nil)
    }
}
