import Foundation
import Testing

/// While xrperf halves the frame rate (the frame divisor), the app is told
/// the period its own frames get (spec: predictedDisplayPeriod is the period
/// "for the next application-generated frame"), so it paces and animates by
/// the rate it gets: the conformance suite's pipelined timing case measured
/// 100 % overhead when the app was told the display's period at half rate.
/// Recordings keep the display's period.
@Suite(.serialized) struct FramePeriodTests {
    static func periods(_ variables: [String: String]) throws -> (periods: [Int64], recording: TelemetryTests.Recording) {
        let artifacts = Artifacts()
        let host = artifacts.host("frame_period")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 0)
        defer { env.cleanUp() }
        let recording = env.scratch.appendingPathComponent("run.jsonl")
        env.variables["XRPERF_RECORD"] = recording.path
        env.variables.merge(variables) { $1 }
        let output = try runProcess(host.path, ["20"], environment: env.environment, timeout: 120)
        #expect(output.status == 0, Comment(rawValue: output.combined))
        let periods = output.stdout.split(separator: "\n").compactMap { line -> Int64? in
            let words = line.split(separator: " ")
            return words.count == 4 && words[2] == "period" ? Int64(words[3]) : nil
        }
        return (periods, try TelemetryTests.Recording(recording))
    }

    @Test func aThrottledAppIsToldItsOwnPeriod() throws {
        let (periods, recording) = try Self.periods(["XRPERF_TARGET_FPS": "45"])
        try #require(periods.count == 20)
        // The first frame comes before the throttle knows the display's period.
        #expect(periods.dropFirst().allSatisfy { $0 == 22_222_222 }, "\(periods)")
        #expect(recording.frames.allSatisfy { $0["display_period_ns"] as? Int == 11_111_111 })
        #expect(recording.frames.dropFirst().allSatisfy { $0["frame_divisor"] as? Int == 2 })
    }

    @Test func atFullRateTheDisplaysPeriodPassesThrough() throws {
        let (periods, _) = try Self.periods([:])
        #expect(periods.count == 20 && periods.allSatisfy { $0 == 11_111_111 }, "\(periods)")
    }
}
