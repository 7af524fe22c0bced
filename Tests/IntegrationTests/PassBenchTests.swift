import Foundation
import Testing

/// xrperf-passbench at a small size for a few frames, under Vulkan's
/// validation layer: it runs, its JSON is complete and every time is a
/// positive number. The ratios are a benchmark's (make bench-passes,
/// docs/performance.md), not something a test on a shared machine can hold.
@Suite(.serialized) struct PassBenchTests {
    static let frames = 4

    func run(_ arguments: [String]) throws -> ProcessOutput {
        let artifacts = Artifacts()
        let executable = artifacts.build.appendingPathComponent("bin/xrperf-passbench")
        try artifacts.require(executable)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("xrperf-passbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: scratch) }
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !(key.hasPrefix("VK_") || key.hasPrefix("XDG_"))
        }
        environment["XDG_RUNTIME_DIR"] = scratch.path
        environment["VK_INSTANCE_LAYERS"] = "VK_LAYER_KHRONOS_validation"
        return try runProcess(executable.path, arguments, environment: environment, timeout: 120)
    }

    @Test func jsonHasEveryPassWithPositiveTimes() throws {
        let output = try run(["--size", "64x48", "--scale", "0.5", "--scale", "0.7", "--format", "unorm", "--format", "srgb",
                              "--frames", String(Self.frames), "--warm-up", "1", "--json"])
        let context = Comment(rawValue: "xrperf-passbench:\n\(output.combined.suffix(3000))")
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(!output.combined.contains("Validation Error"), context)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], context)
        #expect((object["device"] as? String)?.isEmpty == false)
        #expect(object["eyes"] as? Int == 2)
        let results = try #require(object["results"] as? [[String: Any]], context)
        // Two passes x two paths x two scales x two formats.
        #expect(results.count == 16, context)
        #expect(Set(results.compactMap { $0["pass"] as? String }) == ["bilinear", "edge+sharpen"])
        #expect(Set(results.compactMap { $0["path"] as? String }) == ["compute", "graphics"])
        #expect(Set(results.compactMap { $0["format"] as? String }) == ["R8G8B8A8_UNORM", "R8G8B8A8_SRGB"])
        for row in results {
            #expect(row["frames"] as? Int == Self.frames)
            #expect(row["output_width"] as? Int == 64 && row["output_height"] as? Int == 48)
            for key in ["median_ms", "p90_ms", "blit_median_ms", "blit_p90_ms", "ratio"] {
                let value = try #require(row[key] as? Double, "\(key) in \(row)")
                #expect(value > 0 && value.isFinite, "\(key) in \(row)")
            }
            let median = try #require(row["median_ms"] as? Double), p90 = try #require(row["p90_ms"] as? Double)
            #expect(p90 >= median, "\(row)")
        }
        let inputs = Set(results.compactMap { row in (row["input_width"] as? Int).map { "\($0)x\(row["input_height"] ?? 0)" } })
        #expect(inputs == ["32x24", "45x34"])
    }

    @Test func tableHasAHeaderAndARowPerPass() throws {
        let output = try run(["--size", "32x32", "--scale", "0.5", "--frames", "2", "--warm-up", "0"])
        let context = Comment(rawValue: "xrperf-passbench:\n\(output.combined.suffix(3000))")
        #expect(output.status == 0 && !output.timedOut, context)
        let lines = output.stdout.split(separator: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("pass ") }, context)
        #expect(lines[header].contains("blit median ms") && lines[header].contains("ratio"))
        let rows = lines.dropFirst(header + 1).map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(rows == ["bilinear compute", "edge+sharpen compute", "bilinear graphics", "edge+sharpen graphics"], context)
    }

    /// The inset case checks the GPU's focus inset against InsetReference
    /// (pixel for pixel, every 8-bit format, both paths) before it measures
    /// the composite of one eye and of both.
    @Test func insetCaseMatchesTheReferenceAndTimesOneAndTwoEyes() throws {
        let output = try run(["--case", "inset", "--size", "64x48", "--format", "unorm", "--format", "srgb",
                              "--frames", String(Self.frames), "--warm-up", "1", "--json"])
        let context = Comment(rawValue: "xrperf-passbench:\n\(output.combined.suffix(3000))")
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(!output.combined.contains("Validation Error"), context)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], context)
        #expect(object["suite"] as? String == "inset")
        let check = try #require(object["check"] as? [String: Any], context)
        #expect(check["passed"] as? Bool == true, context)
        #expect(check["formats"] as? [String] == ["R8G8B8A8_UNORM", "R8G8B8A8_SRGB", "B8G8R8A8_UNORM", "B8G8R8A8_SRGB"].flatMap {
            ["\($0) graphics", "\($0) compute"]
        })
        #expect((check["worst"] as? Int).map { $0 <= 2 } == true, "\(check)")
        #expect(check["changed_outside"] as? Int == 0, "\(check)")
        // The focus changed a good part of the image: a pass that did nothing fails.
        let values = try #require(check["values"] as? Int), inset = try #require(check["inset_values"] as? Int)
        #expect(values > 0 && inset * 20 > values, "\(check)")

        let results = try #require(object["results"] as? [[String: Any]], context)
        // Four passes (the upscale alone and with the inset) x two paths x one and two eyes x two formats.
        #expect(results.count == 32, context)
        #expect(Set(results.compactMap { $0["path"] as? String }) == ["compute", "graphics"])
        #expect(Set(results.compactMap { $0["pass"] as? String })
                == ["bilinear", "edge+sharpen", "bilinear+inset", "edge+sharpen+inset"])
        #expect(Set(results.compactMap { $0["eyes"] as? Int }) == [1, 2])
        for row in results {
            #expect(row["frames"] as? Int == Self.frames)
            // 0.5 of 64x48 for the periphery; 0.4 of each axis, rounded down as
            // the layer sizes focus views, for the focus.
            #expect(row["input_width"] as? Int == 32 && row["input_height"] as? Int == 24, "\(row)")
            if (row["pass"] as? String)?.hasSuffix("+inset") == true {
                #expect(row["focus_width"] as? Int == 25 && row["focus_height"] as? Int == 19, "\(row)")
            } else {
                #expect(row["focus_width"] == nil, "\(row)")
            }
            for key in ["median_ms", "p90_ms", "blit_median_ms", "blit_p90_ms", "ratio"] {
                let value = try #require(row[key] as? Double, "\(key) in \(row)")
                #expect(value > 0 && value.isFinite, "\(key) in \(row)")
            }
        }
    }

    @Test func insetTableSaysTheCheckPassed() throws {
        let output = try run(["--case", "inset", "--size", "32x32", "--frames", "1", "--warm-up", "0"])
        let context = Comment(rawValue: "xrperf-passbench:\n\(output.combined.suffix(3000))")
        #expect(output.status == 0 && !output.timedOut, context)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("inset check: pass (") }, context)
        let header = try #require(lines.firstIndex { $0.hasPrefix("pass ") }, context)
        let passes: [String] = ["bilinear", "edge+sharpen", "bilinear+inset", "edge+sharpen+inset"]
        let names: [String] = lines.dropFirst(header + 1).map { String($0.split(separator: " ").first ?? "") }
        #expect(names == passes + passes + passes + passes, context)
    }

    @Test func rejectsABadSize() throws {
        let output = try run(["--size", "0x10"])
        #expect(output.status == 64, Comment(rawValue: output.combined))
    }
}
