import Foundation
import Testing

/// The frame loop through the layer allocates nothing: memcheck's count of heap
/// allocations grows by exactly as much per frame with xrperf in the chain as
/// without it (the loader and XrSim's own allocations cancel out). Telemetry,
/// recording and the controller are on; GPU timing is off because the Vulkan driver may
/// allocate inside vkQueueSubmit (lavapipe sometimes does), which is the
/// driver's memory, not the layer's, and varies with thread timing.
@Suite(.serialized) struct HotPathAllocationTests {
    func allocations(layers: [String], frames: Int) throws -> Int {
        let artifacts = Artifacts()
        let host = artifacts.host("instance_churn")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        try artifacts.require(paths: "/usr/bin/valgrind")
        var env = try XrEnvironment(artifacts: artifacts, layers: layers)
        defer { env.cleanUp() }
        env.variables["XRSIM_LOG_LEVEL"] = "warn"
        env.variables["XRPERF_LOG_LEVEL"] = "warn"
        env.variables["XRPERF_GPU_TIMING"] = "off"
        // The controller decides every frame (the divisor is its knob here).
        env.variables["XRPERF_FRAME_DIVISOR"] = "true"
        env.variables["XRPERF_RECORD"] = env.scratch.appendingPathComponent("frames.jsonl").path
        let result = try runProcess("/usr/bin/valgrind", ["--tool=memcheck", host.path, "1", String(frames)],
                                    environment: env.environment, timeout: 600)
        #expect(result.status == 0, Comment(rawValue: result.combined.suffix(2000).description))
        guard let line = result.stderr.split(separator: "\n").first(where: { $0.contains("total heap usage:") }),
              let range = line.range(of: "usage: ") else {
            Issue.record("no heap summary from valgrind:\n\(result.stderr.suffix(2000))")
            return -1
        }
        let digits = line[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
        return Int(digits) ?? -1
    }

    @Test func layerAddsNoAllocationPerFrame() throws {
        let (few, many) = (10, 1010)
        let withoutFew = try allocations(layers: [], frames: few)
        let withoutMany = try allocations(layers: [], frames: many)
        let withFew = try allocations(layers: [XrEnvironment.xrperf], frames: few)
        let withMany = try allocations(layers: [XrEnvironment.xrperf], frames: many)
        let perThousandWithout = withoutMany - withoutFew
        let perThousandWith = withMany - withFew
        #expect(withFew > withoutFew, "the layer was not in the chain (no set-up allocations)")
        #expect(perThousandWith == perThousandWithout,
                "1000 frames: \(perThousandWith) allocations with xrperf, \(perThousandWithout) without")
    }
}
