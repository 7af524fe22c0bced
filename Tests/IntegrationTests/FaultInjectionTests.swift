import Foundation
import Testing
import XrPerfCore

/// Every internal failure the layer can meet, faked in the real library
/// (XRPERF_FAULT): the app (xrperf-loadgen, upscaled, recorded, GPU-timed,
/// with a profile file) runs to its end, every frame reaches XrSim, and the
/// layer says what went wrong exactly once.
@Suite(.serialized) struct FaultInjectionTests {
    static let frames = 60

    /// What the layer logs once when the fault fires.
    static func expectedLine(_ fault: FaultPoint) -> String {
        switch fault {
        case .gpuTimer: "app GPU time off for this session: injected fault gpu-timer"
        case .gpuSubmit: "app GPU time turned off for this session: injected fault gpu-submit"
        case .telemetryFile: "live telemetry off for this session: telemetry file"
        case .recordingFile: "not recording"
        case .profileRead: "cannot read: injected fault profile-read"
        case .upscalePass: "upscaling off for this session: injected fault upscale-pass"
        case .upscaleImages: "is not upscaled: injected fault upscale-images"
        case .upscaleFrame: "upscaling off for the rest of this session: injected fault upscale-frame"
        }
    }

    @Test(arguments: FaultPoint.allCases)
    func theAppRunsOnAndEveryFrameArrives(fault: FaultPoint) throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 0)
        defer { env.cleanUp() }
        let profile = env.scratch.appendingPathComponent("profile.json")
        try Data(#"{"version": 1, "defaults": {"upscale": {"renderScale": 0.5}}}"#.utf8).write(to: profile)
        let recording = env.scratch.appendingPathComponent("frames.jsonl")
        env.variables["XRPERF_PROFILE"] = profile.path
        env.variables["XRPERF_RECORD"] = recording.path
        env.variables["XRPERF_FAULT"] = fault.rawValue
        let output = try runProcess(artifacts.loadgen.path, ["--frames", String(Self.frames), "--gpu-iterations", "1"],
                                    environment: env.environment, timeout: 180)
        let context = Comment(rawValue: "XRPERF_FAULT=\(fault.rawValue):\n\(output.combined.suffix(3000))")
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(SessionSummaries.runtimeFrames(output.stderr) == [Self.frames], context)
        #expect(SessionSummaries.layerFrames(output.stderr) == [Self.frames], context)
        let lines = output.stderr.split(separator: "\n").filter { $0.contains(Self.expectedLine(fault)) }
        // One line per swapchain for the image fault (two eyes), one otherwise.
        #expect(lines.count == (fault == .upscaleImages ? 2 : 1), context)
        switch fault {
        case .profileRead:
            // The built-in settings: no render scale from the unreadable file.
            #expect(!output.stderr.contains("upscaled to"), context)
        case .upscalePass, .upscaleImages:
            #expect(!output.stderr.contains("upscaled to"), context)
        case .recordingFile:
            #expect(!FileManager.default.fileExists(atPath: recording.path), context)
        default:
            #expect(output.stderr.contains("upscaled to"), context)
        }
    }

    @Test func unknownFaultNamesAreReported() throws {
        let parsed = FaultPoint.parse("gpu-timer, nonsense,,upscale-frame")
        #expect(parsed.faults == [.gpuTimer, .upscaleFrame])
        #expect(parsed.unknown == ["nonsense"])
    }
}
