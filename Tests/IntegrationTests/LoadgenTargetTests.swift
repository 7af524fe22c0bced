import Foundation
import Testing

/// xrperf-loadgen's swapchain options (--format, --swapchain-layout, --write,
/// --rect-offset) straight on XrSim through the loader, no API layer: XrSim
/// checks every submitted frame (format offered, imageRect inside the image,
/// imageArrayIndex below the array size) and fails xrEndFrame otherwise, so an
/// exit status of 0 after the asked frames means each frame was accepted. The
/// per-eye summary lines must state what was set up.
@Suite struct LoadgenTargetTests {
    static let formats = ["unorm": "R8G8B8A8_UNORM", "srgb": "R8G8B8A8_SRGB",
                          "bgra-unorm": "B8G8R8A8_UNORM", "bgra-srgb": "B8G8R8A8_SRGB"]

    /// What --write auto picks on lavapipe, XrSim's device: it allows storage
    /// images of the UNORM formats but not of the sRGB ones.
    static let autoWrite = ["unorm": "storage", "srgb": "copy", "bgra-unorm": "storage", "bgra-srgb": "copy"]

    /// Runs loadgen on XrSim without layers; XRSIM_FRAMES is 0 so loadgen's --frames ends the run.
    func run(_ arguments: [String], extra: [String: String] = [:]) throws -> ProcessOutput {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.runtimeManifest)
        var env = try XrEnvironment(artifacts: artifacts, layers: [], frames: 0)
        defer { env.cleanUp() }
        env.variables.merge(extra) { _, new in new }
        return try runProcess(artifacts.loadgen.path, arguments, environment: env.environment, timeout: 60)
    }

    /// The `key=value` fields of the summary line of `eye`.
    static func eyeFields(_ stdout: String, eye: Int) -> [String: String] {
        let prefix = "xrperf-loadgen: eye=\(eye) "
        guard let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return [:] }
        var fields: [String: String] = [:]
        for pair in line.dropFirst("xrperf-loadgen: ".count).split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }

    /// Every format in both layouts, the rect at an offset that makes the image
    /// grow: 0.5 x 256 = 128-pixel rects at 200,150 need 328x278 images.
    @Test(arguments: ["unorm", "srgb", "bgra-unorm", "bgra-srgb"], ["separate", "array"])
    func formatAndLayoutRunAndAreReported(format: String, layout: String) throws {
        let output = try run(["--frames", "6", "--gpu-iterations", "5", "--pattern", "text", "--format", format,
                              "--swapchain-layout", layout, "--rect-offset", "200,150", "--scale", "0.5"])
        let context = Comment(rawValue: output.combined.suffix(3000).description)
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(SessionSummaries.runtimeFrames(output.stderr) == [6], context)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 3, context)
        #expect(lines.last?.hasPrefix("xrperf-loadgen: frames=6 rendered=5 ") == true, context)
        #expect(lines.last?.hasSuffix(" pixels_per_frame=\(2 * 128 * 128)") == true, context)
        for eye in 0..<2 {
            let fields = Self.eyeFields(output.stdout, eye: eye)
            #expect(fields == [
                "eye": String(eye), "format": Self.formats[format]!, "layout": layout,
                "swapchain": layout == "array" ? "0" : String(eye), "array_index": layout == "array" ? String(eye) : "0",
                "image_size": "328x278", "rect_offset": "200,150", "rect_size": "128x128",
                "write": Self.autoWrite[format]!, "pattern": "text",
            ], context)
        }
    }

    /// The defaults are unchanged: R8G8B8A8_UNORM, a swapchain per eye of the
    /// recommended size, the rect at its origin, written as a storage image.
    @Test func defaultsAreReported() throws {
        let output = try run(["--frames", "3", "--gpu-iterations", "5"])
        let context = Comment(rawValue: output.combined.suffix(3000).description)
        #expect(output.status == 0, context)
        #expect(Self.eyeFields(output.stdout, eye: 1) == [
            "eye": "1", "format": "R8G8B8A8_UNORM", "layout": "separate", "swapchain": "1", "array_index": "0",
            "image_size": "256x256", "rect_offset": "0,0", "rect_size": "256x256", "write": "storage",
            "pattern": "gradient",
        ], context)
    }

    /// The paths --write auto does not pick on lavapipe: copy into a format
    /// that allows storage, both layouts.
    @Test(arguments: ["unorm", "bgra-unorm"], ["separate", "array"])
    func copyWorksForStorageFormatsToo(format: String, layout: String) throws {
        let output = try run(["--frames", "4", "--gpu-iterations", "5", "--pattern", "fine-checkerboard",
                              "--format", format, "--swapchain-layout", layout, "--write", "copy",
                              "--rect-offset", "3,5"])
        let context = Comment(rawValue: output.combined.suffix(3000).description)
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(Self.eyeFields(output.stdout, eye: 0)["write"] == "copy", context)
        #expect(Self.eyeFields(output.stdout, eye: 0)["image_size"] == "259x261", context)
    }

    /// Vulkan's validation layer with synchronization validation finds nothing
    /// in the copy path (staging image, layer copies) or the storage path
    /// through a reinterpreting view (B8G8R8A8 as R8G8B8A8), with an array.
    @Test(arguments: [["--format", "srgb", "--write", "copy"], ["--format", "bgra-unorm", "--write", "storage"],
                      ["--format", "bgra-srgb", "--graphics", "vulkan"]])
    func newPathsAreValidationClean(arguments: [String]) throws {
        let validation = try LoadgenVulkanValidation()
        defer { validation.cleanUp() }
        let output = try run(["--frames", "10", "--gpu-iterations", "5", "--pattern", "checkerboard",
                              "--swapchain-layout", "array", "--rect-offset", "16,8"] + arguments,
                             extra: validation.environment)
        let context = Comment(rawValue: output.combined.suffix(3000).description)
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(output.stdout.contains("xrperf-loadgen: frames=10 rendered=9 "), context)
        LoadgenVulkanValidation.expectClean(output.combined, context)
    }

    /// --write storage where the device cannot: a clear message and exit 1, before any frame.
    @Test func storageOfAnSrgbFormatIsRefusedClearly() throws {
        let output = try run(["--frames", "3", "--format", "srgb", "--write", "storage"])
        #expect(output.status == 1, Comment(rawValue: output.combined))
        #expect(output.stderr.contains("xrperf-loadgen: --write storage: the Vulkan device")
                    && output.stderr.contains("cannot use R8G8B8A8_SRGB as a storage image"),
                Comment(rawValue: output.stderr))
    }

    @Test func badOptionValuesAreUsageErrors() throws {
        for arguments in [["--rect-offset", "12"], ["--rect-offset", "1,x"], ["--rect-offset=-1,0"],
                          ["--rect-offset", "16385,0"], ["--format", "rgb"], ["--swapchain-layout", "stacked"],
                          ["--write", "blit"], ["--pattern", "noise"]] {
            let output = try run(arguments)
            #expect(output.status == 64, Comment(rawValue: "\(arguments): \(output.combined)"))
        }
    }

    @Test func helpDocumentsTheOptionsPatternsAndSummary() throws {
        let output = try run(["--help"])
        #expect(output.status == 0)
        for needle in ["--format", "--swapchain-layout", "--write", "--rect-offset", "fine-checkerboard", "text",
                       "PATTERNS", "SWAPCHAINS", "MUTABLE_FORMAT", "imageArrayIndex",
                       "eye=<i> format=<VkFormat> layout=<separate|array>", "rect_offset=<x>,<y>"] {
            #expect(output.stdout.contains(needle), "--help lacks \(needle)")
        }
    }
}
