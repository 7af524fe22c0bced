import Foundation
import Testing

/// The CLI against a real app: `status` while hello_xr runs through the layer
/// on XrSim in real time, then `record`, `report`, `plot` and `compare` on the
/// recordings that run produced.
@Suite(.serialized) struct CliEndToEndTests {
    struct StatusReport: Decodable {
        struct Session: Decodable {
            let id: String
            let application: String
            let pid: Int32
        }
        let sessions: [Session]
    }

    @Test func statusRecordReportPlotCompareOnHelloXr() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.cli, artifacts.layerLibrary, artifacts.runtimeManifest)
        // Runs in real time until the test closes hello_xr's stdin.
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 0)
        defer { env.cleanUp() }
        env.variables["XRSIM_CLOCK"] = "realtime"
        let layerRecording = env.scratch.appendingPathComponent("layer.jsonl")
        env.variables["XRPERF_RECORD"] = layerRecording.path
        let cli = artifacts.cli.path

        let app = try BackgroundProcess(Artifacts.helloXr, ["-g", "Vulkan2"], environment: env.environment)
        defer { app.terminateIfRunning() }

        // Wait for the session to be live and a second of frames to exist.
        var session: StatusReport.Session?
        for _ in 0..<60 where session == nil {
            Thread.sleep(forTimeInterval: 0.1)
            let status = try runProcess(cli, ["status", "--json"], environment: env.environment)
            session = (try? JSONDecoder().decode(StatusReport.self, from: Data(status.stdout.utf8)))?.sessions.first
        }
        let live = try #require(session, "xrperf status never listed the session")
        #expect(live.application == "HelloXR")
        #expect(live.pid == app.processIdentifier)
        Thread.sleep(forTimeInterval: 1.0)
        let text = try runProcess(cli, ["status"], environment: env.environment)
        #expect(text.status == 0 && text.stdout.contains("HelloXR"), Comment(rawValue: text.combined))
        let fps = try #require(Self.number(after: "fps ", in: text.stdout), Comment(rawValue: text.stdout))
        #expect(fps > 60 && fps < 100, "fps \(fps)")

        let liveRecording = env.scratch.appendingPathComponent("live.jsonl")
        let record = try runProcess(cli, ["record", "--session", live.id, "--out", liveRecording.path, "--frames", "90"],
                                    environment: env.environment, timeout: 30)
        #expect(record.status == 0, Comment(rawValue: record.combined))
        app.closeInput()
        #expect(app.waitForExit() == 0)

        for recording in [layerRecording, liveRecording] {
            let report = try runProcess(cli, ["report", "--json", recording.path], environment: env.environment)
            #expect(report.status == 0, Comment(rawValue: report.combined))
            let object = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
            #expect(object != nil, Comment(rawValue: report.stdout))
        }
        let fullReport = try runProcess(cli, ["report", layerRecording.path], environment: env.environment)
        #expect(fullReport.stdout.contains(": complete"), Comment(rawValue: fullReport.stdout))
        let liveReport = try runProcess(cli, ["report", liveRecording.path], environment: env.environment)
        #expect(liveReport.stdout.contains("frames      90 "), Comment(rawValue: liveReport.stdout))

        let chart = env.scratch.appendingPathComponent("chart.svg")
        let plot = try runProcess(cli, ["plot", layerRecording.path, "--out", chart.path], environment: env.environment)
        #expect(plot.status == 0, Comment(rawValue: plot.combined))
        let svg = try String(contentsOf: chart, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("</svg>"))

        let same = try runProcess(cli, ["compare", layerRecording.path, layerRecording.path], environment: env.environment)
        #expect(same.status == 0, Comment(rawValue: same.combined))
    }

    static func number(after marker: String, in text: String) -> Double? {
        guard let range = text.range(of: marker) else { return nil }
        return Double(text[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }
}
