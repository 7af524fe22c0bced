import Foundation
import Testing

/// `xrperf compare` as a CI gate on real recordings: two runs of xrperf-loadgen
/// at the same load are not a regression; a run with 1.5x the CPU load is.
/// The load is CPU work (loadgen spins on its thread's CPU clock, which
/// xrperf measures per thread), paced by XrSim at 90 Hz in real time with
/// almost no GPU work: lavapipe's GPU time of the same load differs by half
/// between two runs on a 2-core machine (9.6 ms against 15.9 ms at 200
/// iterations was seen), so a GPU load cannot tell 1.5x from noise here.
/// Jitter under 1 ms (--min-change) is not a slowdown.
@Suite(.serialized) struct CliCompareLoadgenTests {
    func recordLoadgen(cpuMs: Double, into directory: URL, name: String) throws -> URL {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.cli, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 240)
        defer { env.cleanUp() }
        let recording = directory.appendingPathComponent(name)
        env.variables["XRPERF_RECORD"] = recording.path
        env.variables["XRSIM_CLOCK"] = "realtime"
        env.variables["XRSIM_RESOLUTION"] = "64x64"
        let run = try runProcess(artifacts.loadgen.path, ["--gpu-iterations", "0", "--cpu-ms", String(cpuMs)],
                                 environment: env.environment, timeout: 60)
        #expect(run.status == 0, Comment(rawValue: run.combined.suffix(2000).description))
        return recording
    }

    @Test func flagsOneAndAHalfTimesTheCpuLoadButNotTheSameLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xrperf-compare-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = try recordLoadgen(cpuMs: 4, into: directory, name: "base.jsonl")
        let same = try recordLoadgen(cpuMs: 4, into: directory, name: "same.jsonl")
        let heavier = try recordLoadgen(cpuMs: 6, into: directory, name: "heavier.jsonl")
        let cli = Artifacts().cli.path
        let environment = ProcessInfo.processInfo.environment

        let unchanged = try runProcess(cli, ["compare", "--min-change", "1", base.path, same.path], environment: environment)
        #expect(unchanged.status == 0, Comment(rawValue: unchanged.combined))
        let regressed = try runProcess(cli, ["compare", "--min-change", "1", base.path, heavier.path], environment: environment)
        #expect(regressed.status == 1, Comment(rawValue: regressed.combined))
        #expect(regressed.stdout.contains("app_cpu p50"), Comment(rawValue: regressed.combined))
        let json = try runProcess(cli, ["compare", "--json", base.path, heavier.path], environment: environment)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil, Comment(rawValue: json.stdout))

        // report and plot read loadgen's recordings too.
        let report = try runProcess(cli, ["report", heavier.path], environment: environment)
        #expect(report.status == 0 && report.stdout.contains("frames      240"), Comment(rawValue: report.combined))
        let chart = directory.appendingPathComponent("heavier.svg")
        let plot = try runProcess(cli, ["plot", heavier.path, "--out", chart.path], environment: environment)
        #expect(plot.status == 0 && FileManager.default.fileExists(atPath: chart.path), Comment(rawValue: plot.combined))
    }
}
