import Foundation
import Testing

/// `xrperf compare` as a CI gate on real recordings: two runs of xrperf-loadgen
/// at the same load are not a regression; a run with 1.5x the GPU load is.
@Suite(.serialized) struct CliCompareLoadgenTests {
    func recordLoadgen(iterations: Int, into directory: URL, name: String) throws -> URL {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.cli, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 240)
        defer { env.cleanUp() }
        let recording = directory.appendingPathComponent(name)
        env.variables["XRPERF_RECORD"] = recording.path
        let run = try runProcess(artifacts.loadgen.path, ["--gpu-iterations", String(iterations)],
                                 environment: env.environment, timeout: 60)
        #expect(run.status == 0, Comment(rawValue: run.combined.suffix(2000).description))
        return recording
    }

    @Test func flagsOneAndAHalfTimesTheGpuLoadButNotTheSameLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xrperf-compare-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = try recordLoadgen(iterations: 200, into: directory, name: "base.jsonl")
        let same = try recordLoadgen(iterations: 200, into: directory, name: "same.jsonl")
        let heavier = try recordLoadgen(iterations: 300, into: directory, name: "heavier.jsonl")
        let cli = Artifacts().cli.path
        let environment = ProcessInfo.processInfo.environment

        let unchanged = try runProcess(cli, ["compare", base.path, same.path], environment: environment)
        #expect(unchanged.status == 0, Comment(rawValue: unchanged.combined))
        let regressed = try runProcess(cli, ["compare", base.path, heavier.path], environment: environment)
        #expect(regressed.status == 1, Comment(rawValue: regressed.combined))
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
