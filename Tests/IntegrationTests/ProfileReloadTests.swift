import Foundation
import Testing

/// Editing the profile while an app runs: a valid change to throttle.targetFps
/// takes effect within a few frames (the app is paced to every second display
/// period), a broken edit is reported and the running settings stay.
@Suite(.serialized) struct ProfileReloadTests {
    static func monotonicNow() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }

    /// Replaces the file the way editors save: a new file renamed over it.
    static func save(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func throttleChangeAppliesLiveAndABrokenEditIsIgnored() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 0)
        defer { env.cleanUp() }
        env.variables["XRSIM_CLOCK"] = "realtime"
        let profile = env.scratch.appendingPathComponent("profile.json")
        try Self.save(#"{"version": 1}"#, to: profile)
        env.variables["XRPERF_PROFILE"] = profile.path
        let recording = env.scratch.appendingPathComponent("reload.jsonl")
        env.variables["XRPERF_RECORD"] = recording.path
        let log = env.scratch.appendingPathComponent("layer.log")
        env.variables["XRPERF_LOG_FILE"] = log.path

        let app = try BackgroundProcess(artifacts.loadgen.path, ["--gpu-iterations", "10"], environment: env.environment)
        defer { app.terminateIfRunning() }
        Thread.sleep(forTimeInterval: 1.5)
        let throttled = Self.monotonicNow()
        try Self.save(#"{"version": 1, "defaults": {"throttle": {"targetFps": 45}}}"#, to: profile)
        Thread.sleep(forTimeInterval: 1.5)
        let broken = Self.monotonicNow()
        try Self.save(#"{"version": 1, "defaults": {"throttle": {"targetFps": "fast"}}}"#, to: profile)
        Thread.sleep(forTimeInterval: 1.0)
        #expect(kill(app.processIdentifier, SIGTERM) == 0)
        #expect(app.waitForExit() == 0)

        let frames = try TelemetryTests.Recording(recording).frames
        func window(_ from: Int64, _ to: Int64) -> [[String: Any]] {
            frames.filter { frame in
                guard let time = frame["wait_return_ns"] as? Int64 else { return false }
                return time > from && time < to
            }
        }
        func intervals(_ frames: [[String: Any]]) -> [Double] { frames.compactMap { $0["interval_ms"] as? Double } }
        // Settle a few frames on each side of a change.
        let before = window(0, throttled - 100_000_000).dropFirst(10)
        let during = window(throttled + 300_000_000, broken)
        let after = window(broken + 300_000_000, .max)
        #expect(before.count > 40 && during.count > 20 && after.count > 10,
                "frames: \(before.count) before, \(during.count) throttled, \(after.count) after the broken edit")
        let full = Self.median(intervals(Array(before))), half = Self.median(intervals(during))
        #expect(abs(full - 11.11) < 1.5, "median interval before: \(full) ms")
        #expect(abs(half - 22.22) < 2.5, "median interval throttled to 45 fps: \(half) ms")
        #expect(during.allSatisfy { $0["frame_divisor"] as? Int == 2 })
        #expect(after.allSatisfy { $0["frame_divisor"] as? Int == 2 }, "the broken edit changed the running settings")
        let lateWhileThrottled = during.filter { $0["late"] as? Bool == true }.count
        #expect(lateWhileThrottled <= during.count / 10, "\(lateWhileThrottled) of \(during.count) throttled frames late")

        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.contains("throttle.targetFps 0.0 -> 45.0"), Comment(rawValue: text))
        #expect(text.contains("defaults.throttle.targetFps: expected a number from 0 to 1000, found \"fast\""))
        #expect(text.contains("keeping the running settings"))
    }
}
