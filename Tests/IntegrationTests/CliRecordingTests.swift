import Foundation
import Testing
import XrPerfCore

/// `xrperf record`, `report`, `plot`, `compare` and `closed-loop` on recordings written with
/// RecordingFormat, and their answers to bad input.
@Suite struct CliRecordingTests {
    /// A recording at 90 Hz with app GPU time around `gpuMs` (±5%, seeded),
    /// every frame from `lateFrom` on a missed display period.
    static func recording(gpuMs: Double, seed: UInt64, frames: Int = 1500, complete: Bool = true,
                          lateFrom: Int = .max) -> String {
        var generator = SplitMix64(seed: seed)
        let info = SessionInfo(pid: 42, sessionSerial: 0, application: "loadgen", engine: "", runtime: "XrSim",
                               system: "XrSim HMD", gpu: "llvmpipe", profile: "", startRealtimeNs: 1,
                               startMonotonicNs: 1)
        var lines = [RecordingFormat.headerLine(info)]
        var t: Int64 = 1_000_000_000
        for i in 0..<frames {
            let noise = 1 + (Double(generator.next() % 10_000) / 10_000 - 0.5) * 0.1
            if i > 0 { t += 11_111_111 }
            lines.append(RecordingFormat.frameLine(FrameRecord(
                frameIndex: UInt64(i), predictedDisplayTime: t + 20_000_000, displayPeriodNs: 11_111_111,
                waitReturnNs: t, appCpuNs: 2_000_000, appGpuNs: Int64(gpuMs * noise * 1e6),
                frameIntervalNs: i == 0 ? nil : 11_111_111, missedFrames: i >= lateFrom ? 1 : 0,
                features: [.gpuTiming])))
        }
        if complete { lines.append(RecordingFormat.endLine(frames: UInt64(frames), dropped: 0)) }
        return lines.joined(separator: "\n") + "\n"
    }

    func write(_ text: String, _ name: String, in fixture: TelemetryFixture) throws -> String {
        let path = fixture.root.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func reportSummarisesAndRecommends() throws {
        let fixture = try TelemetryFixture()
        let path = try write(Self.recording(gpuMs: 10.9, seed: 1), "run.jsonl", in: fixture)
        let text = try fixture.cli(["report", path])
        #expect(text.status == 0, Comment(rawValue: text.combined))
        #expect(text.stdout.contains("recording \(path): complete"))
        #expect(text.stdout.contains("bottleneck  GPU-bound"))
        #expect(text.stdout.contains("Lower render scale from 1.00 to ~"))
        let json = try fixture.cli(["report", path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let statistics = try #require(object["statistics"] as? [String: Any])
        #expect(statistics["frames"] as? Int == 1500)
        #expect(statistics["bottleneck"] as? String == "gpu-bound")
        #expect((object["recommendations"] as? [[String: Any]])?.first?["id"] as? String == "lower-render-scale")
    }

    @Test func cutRecordingIsReportedAndStillAnalysed() throws {
        let fixture = try TelemetryFixture()
        var text = Self.recording(gpuMs: 6, seed: 1, complete: false)
        text.removeLast(40)  // a cut last line
        let path = try write(text, "cut.jsonl", in: fixture)
        let result = try fixture.cli(["report", path])
        #expect(result.status == 0, Comment(rawValue: result.combined))
        #expect(result.stdout.contains("CUT (no end line)"))
        #expect(result.stderr.contains("line 1501 is cut off"))
        #expect(result.stderr.contains("no end line"))
        #expect(result.stdout.contains("frames      1499"))
    }

    @Test func corruptedLineNamesItsNumber() throws {
        let fixture = try TelemetryFixture()
        var lines = Self.recording(gpuMs: 6, seed: 1).split(separator: "\n").map(String.init)
        lines[9] = "{\"type\":\"frame\",\"frame\":9,\"app_cpu_ms\":\"fast\"}"
        let path = try write(lines.joined(separator: "\n") + "\n", "bad.jsonl", in: fixture)
        let result = try fixture.cli(["report", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("line 10: key 'app_cpu_ms': expected a number"))
        let skipped = try fixture.cli(["report", path, "--skip-bad-lines"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("line 10 skipped"))

        let notRecording = try write("hello\n", "text.txt", in: fixture)
        let garbage = try fixture.cli(["report", notRecording])
        #expect(garbage.status == 2)
        #expect(garbage.stderr.contains("line 1: not an xrperf recording header"))
        let missing = try fixture.cli(["report", fixture.root.appendingPathComponent("nope.jsonl").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
        let empty = try write("", "empty.jsonl", in: fixture)
        #expect(try fixture.cli(["report", empty]).status == 2)
    }

    @Test func compareGatesOnRegression() throws {
        let fixture = try TelemetryFixture()
        let base = try write(Self.recording(gpuMs: 6, seed: 1), "base.jsonl", in: fixture)
        let same = try write(Self.recording(gpuMs: 6, seed: 2), "same.jsonl", in: fixture)
        let heavy = try write(Self.recording(gpuMs: 9, seed: 3), "heavy.jsonl", in: fixture)
        let unchanged = try fixture.cli(["compare", base, same])
        #expect(unchanged.status == 0, Comment(rawValue: unchanged.combined))
        #expect(unchanged.stdout.contains("no regression beyond 10.0%"))
        let regressed = try fixture.cli(["compare", base, heavy, "--json"])
        #expect(regressed.status == 1, Comment(rawValue: regressed.combined))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(regressed.stdout.utf8)) as? [String: Any])
        #expect(object["regression"] as? Bool == true)
        // A 60% threshold lets +50% through.
        #expect(try fixture.cli(["compare", base, heavy, "--threshold", "60"]).status == 0)
        let broken = try write("{\"type\":\"header\"}\n", "broken.jsonl", in: fixture)
        let bad = try fixture.cli(["compare", base, broken])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("broken.jsonl: line 1"))
    }

    @Test func plotWritesAnSvg() throws {
        let fixture = try TelemetryFixture()
        let path = try write(Self.recording(gpuMs: 6, seed: 1), "run.jsonl", in: fixture)
        let svg = fixture.root.appendingPathComponent("run.svg").path
        let result = try fixture.cli(["plot", path, "--out", svg])
        #expect(result.status == 0, Comment(rawValue: result.combined))
        #expect(result.stdout == svg + "\n")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<svg"))
        #expect(text.contains("xrperf: loadgen on XrSim"))
        let unwritable = try fixture.cli(["plot", path, "--out", "/nonexistent/dir/x.svg"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write"))
    }

    @Test func recordFollowsALiveRing() throws {
        let fixture = try TelemetryFixture()
        let session = try fixture.writeSession(frames: 0)
        let writer = try TelemetryFixtureWriter(path: session, startFrame: 0)
        writer.start()
        defer { writer.stop() }
        let out = fixture.root.appendingPathComponent("rec.jsonl").path
        let result = try fixture.cli(["record", "--session", "\(getpid())-0", "--out", out, "--frames", "300"])
        #expect(result.status == 0, Comment(rawValue: result.combined))
        #expect(result.stderr.contains("wrote 300 frames"))
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 302)
        #expect(lines.first?.contains("\"type\":\"header\"") == true)
        #expect(lines.last == "{\"type\":\"end\",\"frames\":300,\"dropped\":0}")
        let report = try fixture.cli(["report", out, "--json"])
        #expect(report.status == 0, Comment(rawValue: report.combined))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let statistics = try #require(object["statistics"] as? [String: Any])
        #expect(statistics["frames"] as? Int == 300)
        #expect(statistics["missingFrames"] as? Int == 0)
        #expect(statistics["gpuMeasuredFrames"] as? Int == 300)
    }

    @Test func closedLoopSaysWhenAStepUpMissedNothingOrNeverRecovered() throws {
        let fixture = try TelemetryFixture()
        let calm = try write(Self.recording(gpuMs: 6, seed: 2, frames: 300), "calm.jsonl", in: fixture)
        let nothing = try fixture.cli(["closed-loop", calm, "--up", "100", "--down", "200"])
        #expect(nothing.status == 0, Comment(rawValue: nothing.combined))
        #expect(nothing.stdout.contains("up   @100: no miss\n"))
        #expect(nothing.stdout.contains("recovery median  n/a (no miss after a step up)\n"))
        let stuck = try write(Self.recording(gpuMs: 13, seed: 3, frames: 300, lateFrom: 120), "stuck.jsonl", in: fixture)
        let never = try fixture.cli(["closed-loop", stuck, "--up", "100", "--down", "200"])
        #expect(never.status == 0, Comment(rawValue: never.combined))
        #expect(never.stdout.contains("up   @100: first miss 120, never back under budget\n"))
        #expect(never.stdout.contains("recovery median  n/a (never back under budget)\n"))
        let downOnly = try fixture.cli(["closed-loop", calm, "--down", "200"])
        #expect(downOnly.status == 0, Comment(rawValue: downOnly.combined))
        #expect(downOnly.stdout.contains("recovery median  n/a (no step up given)\n"))
    }

    @Test func recordRejectsBadArguments() throws {
        let fixture = try TelemetryFixture()
        let both = try fixture.cli(["record", "--out", "x", "--frames", "1", "--seconds", "1"])
        #expect(both.status == 64)
        let none = try fixture.cli(["record", "--out", fixture.root.appendingPathComponent("x").path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no live xrperf session"))
    }
}
