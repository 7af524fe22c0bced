import Foundation
import Testing

/// XrSim's frame dumps (XRSIM_DUMP_DIR, XRSIM_DUMP_FRAMES) of xrperf-loadgen
/// through the real loader, with no API layer: the files hold exactly the
/// pixels the shader (Sources/xrperf-loadgen/Shaders/LoadPattern.comp) wrote
/// into each eye's imageRect, the copy is clean under Vulkan's validation
/// layer, and a dump that cannot be written never fails the app's frame.
/// The pixel checks allow one 8-bit step so they hold for the shader's
/// earlier rounding too; a wrong rect, row pitch, layer or channel order
/// moves values by far more.
@Suite(.serialized) struct XrSimDumpTests {
    struct Run {
        let output: ProcessOutput
        let dumps: URL
    }

    /// Runs loadgen, which stops after its --frames (XRSIM_FRAMES is 0), with
    /// dumps into a fresh nested directory, and hands the result to `body`
    /// before the run's scratch directory is removed.
    func run(_ arguments: [String], dump: [String: String], extra: [String: String] = [:],
             body: (Run) throws -> Void) throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        var env = try XrEnvironment(artifacts: artifacts, frames: 0)
        defer { env.cleanUp() }
        let dumps = env.scratch.appendingPathComponent("dumps/nested")
        env.variables["XRSIM_DUMP_DIR"] = dumps.path
        env.variables.merge(dump) { _, new in new }
        env.variables.merge(extra) { _, new in new }
        let output = try runProcess(artifacts.loadgen.path, ["--gpu-iterations", "0"] + arguments,
                                    environment: env.environment, timeout: 120)
        let context = Comment(rawValue: "xrperf-loadgen \(arguments):\n\(output.combined.suffix(3000))")
        #expect(output.status == 0 && !output.timedOut, context)
        try body(Run(output: output, dumps: dumps))
    }

    static func files(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    static func read(_ run: Run, _ name: String) throws -> PamImage {
        try PamImage.read(path: run.dumps.appendingPathComponent(name).path)
    }

    /// Values that differ from `expected` by more than one step, as "(x,y) channel got/expected" for the first few.
    static func mismatches(_ image: PamImage, _ expected: (Int, Int) -> (r: Int, g: Int, b: Int)) -> [String] {
        var found: [String] = []
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image.pixel(x: x, y: y)
                let e = expected(x, y)
                for (name, got, want) in [("R", Int(p.r), e.r), ("G", Int(p.g), e.g), ("B", Int(p.b), e.b), ("A", Int(p.a), 255)]
                where abs(got - want) > 1 && found.count < 10 {
                    found.append("(\(x),\(y)) \(name) \(got)/\(want)")
                }
            }
        }
        return found
    }

    /// Gradient: R = 255(2x+1)/(2w), G likewise down, B 51 left and 204 right.
    /// The rect (0.7 x 256 = 179 square) is smaller than the 256x256 image,
    /// so the rect and a tight row pitch must both be right. Frame 0 has no
    /// layers (the session is not visible yet) and is logged, not dumped.
    @Test func gradientViewsHoldTheRectAsSubmitted() throws {
        let settings = FileManager.default.temporaryDirectory.appendingPathComponent("dump-vk-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: settings, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: settings) }
        try """
            khronos_validation.enables = VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT
            khronos_validation.report_flags = error,warn
            """.write(to: settings.appendingPathComponent("vk_layer_settings.txt"), atomically: true, encoding: .utf8)
        try run(["--frames", "7", "--pattern", "gradient", "--scale", "0.7"],
                dump: ["XRSIM_DUMP_FRAMES": "0,3,5"],
                extra: ["VK_INSTANCE_LAYERS": "VK_LAYER_KHRONOS_validation", "VK_LAYER_SETTINGS_PATH": settings.path]) { run in
            let context = Comment(rawValue: run.output.combined.suffix(3000).description)
            #expect(!run.output.combined.contains("VUID-"), context)
            #expect(!run.output.combined.contains("Validation Error"), context)
            #expect(!run.output.combined.contains("Validation Warning"), context)
            #expect(run.output.stderr.contains("[xrsim] frame 0 not dumped: it has no projection or quad layers"), context)
            #expect(run.output.stderr.contains("[xrsim] frame 3 dumped: 2 of 2 views"), context)
            #expect(Self.files(in: run.dumps) == [
                "frame-3-layer-0-view-0.pam", "frame-3-layer-0-view-1.pam",
                "frame-5-layer-0-view-0.pam", "frame-5-layer-0-view-1.pam",
            ])
            var mode = try FileManager.default.attributesOfItem(atPath: run.dumps.path)[.posixPermissions] as? Int
            #expect(mode == 0o700)
            mode = try FileManager.default.attributesOfItem(atPath: run.dumps.deletingLastPathComponent().path)[.posixPermissions] as? Int
            #expect(mode == 0o700)
            for frame in [3, 5] {
                for (eye, blue) in [(0, 51), (1, 204)] {
                    let image = try Self.read(run, "frame-\(frame)-layer-0-view-\(eye).pam")
                    #expect(image.width == 179 && image.height == 179)
                    #expect(image.comment("vkformat") == "37")  // R8G8B8A8_UNORM, loadgen's format
                    #expect(image.comment("swapchain") == "256x256 array 1")
                    #expect(image.comment("rect") == "0 0 179 179")
                    #expect(image.comment("arrayIndex") == "0")
                    let wrong = Self.mismatches(image) { x, y in
                        ((255 * (2 * x + 1)) / (2 * 179), (255 * (2 * y + 1)) / (2 * 179), blue)
                    }
                    #expect(wrong.isEmpty, "frame \(frame) eye \(eye): \(wrong)")
                }
            }
        }
    }

    /// Checkerboard of 32-pixel cells, "on" (R = G = 255) where x/32 + y/32 is
    /// odd; B = (on ? 128 : 0) + 25 left, 102 right. Without XRSIM_DUMP_FRAMES
    /// only frame 10 is dumped.
    @Test func checkerboardOfTheDefaultFrame() throws {
        try run(["--frames", "12", "--pattern", "checkerboard"], dump: [:]) { run in
            #expect(Self.files(in: run.dumps) == ["frame-10-layer-0-view-0.pam", "frame-10-layer-0-view-1.pam"],
                    Comment(rawValue: run.output.stderr.suffix(3000).description))
            for (eye, tint) in [(0, 25), (1, 102)] {
                let image = try Self.read(run, "frame-10-layer-0-view-\(eye).pam")
                #expect(image.width == 256 && image.height == 256)
                #expect(image.comment("rect") == "0 0 256 256")
                let wrong = Self.mismatches(image) { x, y in
                    let on = (x / 32 + y / 32) % 2 == 1
                    return (on ? 255 : 0, on ? 255 : 0, (on ? 128 : 0) + tint)
                }
                #expect(wrong.isEmpty, "eye \(eye): \(wrong)")
            }
        }
    }

    /// A dump directory that cannot be made is logged; every frame still succeeds.
    @Test func anUnwritableDirectoryNeverFailsTheFrame() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("dump-blocker-\(UUID().uuidString)")
        try Data("a file, not a directory".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        try run(["--frames", "4", "--pattern", "gradient"],
                dump: ["XRSIM_DUMP_DIR": blocker.appendingPathComponent("dumps").path, "XRSIM_DUMP_FRAMES": "2"]) { run in
            let context = Comment(rawValue: run.output.combined.suffix(3000).description)
            #expect(run.output.stderr.contains("[xrsim] frame 2 not dumped: cannot create \(blocker.path)/dumps"), context)
            #expect(SessionSummaries.runtimeFrames(run.output.stderr) == [4], context)
        }
    }
}
