import Foundation
import Testing

/// Files the layer reads or writes that are not what they should be: a
/// recording path that is a symlink to someone else's file or a directory, a
/// profile that is binary or huge, a learned-settings file that is a symlink.
/// The app runs to its end with every frame at the runtime, the layer says
/// what is wrong, and nothing that is not the layer's is overwritten.
@Suite(.serialized) struct BadFilesLayerTests {
    static func run(_ arguments: [String], _ configure: (inout XrEnvironment) throws -> Void) throws -> ProcessOutput {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 0)
        defer { env.cleanUp() }
        try configure(&env)
        let output = try runProcess(artifacts.loadgen.path, arguments, environment: env.environment, timeout: 120)
        let context = Comment(rawValue: output.combined.suffix(3000).description)
        let frames = Int(arguments[arguments.firstIndex(of: "--frames")! + 1])!
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(SessionSummaries.runtimeFrames(output.stderr) == [frames], context)
        return output
    }

    /// A directory of the test's own, outside the run's scratch (which the
    /// run removes), holding a file that is not the layer's.
    static func victim() throws -> (directory: URL, file: URL, content: Data) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xrperf-victim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("someone-elses-file")
        let content = Data("not the layer's\n".utf8)
        try content.write(to: file)
        return (directory, file, content)
    }

    @Test func aRecordingPathThatIsASymlinkIsNotFollowed() throws {
        let victim = try Self.victim()
        defer { try? FileManager.default.removeItem(at: victim.directory) }
        let output = try Self.run(["--frames", "30", "--gpu-iterations", "1"]) { env in
            let link = env.scratch.appendingPathComponent("run.jsonl")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim.file)
            env.variables["XRPERF_RECORD"] = link.path
        }
        #expect(output.stderr.contains("cannot open XRPERF_RECORD file"), Comment(rawValue: output.stderr))
        #expect(try Data(contentsOf: victim.file) == victim.content, "the recording was written through the symlink")
    }

    @Test func aLearnedFileThatIsASymlinkIsNeitherReadNorWritten() throws {
        let victim = try Self.victim()
        defer { try? FileManager.default.removeItem(at: victim.directory) }
        let output = try Self.run(["--frames", "320", "--gpu-iterations", "1", "--dynamic-resolution"]) { env in
            let state = env.scratch.appendingPathComponent("state/xrperf")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: state.appendingPathComponent("learned.json"),
                                                       withDestinationURL: victim.file)
            env.variables["XDG_STATE_HOME"] = env.scratch.appendingPathComponent("state").path
        }
        #expect(output.stderr.contains("learned settings"), Comment(rawValue: output.stderr))
        #expect(try Data(contentsOf: victim.file) == victim.content, "the learned settings were written through the symlink")
    }

    @Test func aRecordingPathThatIsADirectoryIsReported() throws {
        let output = try Self.run(["--frames", "30", "--gpu-iterations", "1"]) { env in
            env.variables["XRPERF_RECORD"] = env.scratch.path
        }
        #expect(output.stderr.contains("cannot open XRPERF_RECORD file"), Comment(rawValue: output.stderr))
    }

    @Test(arguments: ["binary", "huge"])
    func aBadProfileLeavesTheBuiltInSettings(kind: String) throws {
        let output = try Self.run(["--frames", "30", "--gpu-iterations", "1"]) { env in
            let profile = env.scratch.appendingPathComponent("profile.json")
            var bytes = [UInt8](repeating: 0, count: kind == "huge" ? 4 << 20 : 4096)
            var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
            for index in bytes.indices where kind == "binary" || index < 64 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                bytes[index] = UInt8(truncatingIfNeeded: seed >> 33)
            }
            try Data(bytes).write(to: profile)
            env.variables["XRPERF_PROFILE"] = profile.path
        }
        #expect(output.stderr.contains("using the built-in settings"), Comment(rawValue: output.stderr))
    }
}
