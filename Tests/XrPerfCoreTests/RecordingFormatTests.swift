import Foundation
import Testing
@testable import XrPerfCore

@Suite struct RecordingFormatTests {
    let info = SessionInfo(pid: 42, sessionSerial: 3, application: "Game \"X\"\n", engine: "Eng\\ine",
                           runtime: "XrSim 0.1.0", system: "HMD", gpu: "llvmpipe", profile: "defaults",
                           startRealtimeNs: 1_700_000_000_000_000_000, startMonotonicNs: 5_000)

    func object(_ line: String) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: Any])
    }

    @Test func headerIsValidJsonWithEscapedNames() throws {
        let line = RecordingFormat.headerLine(info)
        #expect(!line.contains("\n"))
        let header = try object(line)
        #expect(header["type"] as? String == "header")
        #expect(header["format"] as? String == "xrperf-recording")
        #expect(header["application"] as? String == "Game \"X\"\n")
        #expect(header["engine"] as? String == "Eng\\ine")
        #expect((header["start_realtime_ns"] as? NSNumber)?.int64Value == 1_700_000_000_000_000_000)
        let decoded = try JSONDecoder().decode(SessionInfo.self, from: Data(line.utf8))
        #expect(decoded == info)
    }

    @Test func frameDurationsAreMillisecondsAndUnknownIsNull() throws {
        var frame = FrameRecord(frameIndex: 7, predictedDisplayTime: 99, displayPeriodNs: 11_111_111,
                                appCpuNs: 4_567_890, simCpuNs: 4_567_890, renderCpuNs: nil, appGpuNs: nil, layerCpuNs: 1_499, layerGpuNs: 0,
                                frameIntervalNs: 11_111_111, missedFrames: 2,
                                flags: [.late, .gpuUnavailable], features: [.recording],
                                knobs: KnobSettings(renderScale: 0.75, frameDivisor: 2, foveation: .fixed, passFilter: .bilinear))
        frame.endCallNs = 123
        let object = try object(RecordingFormat.frameLine(frame))
        #expect(object["type"] as? String == "frame")
        #expect(object["frame"] as? Int == 7)
        #expect(object["app_cpu_ms"] as? Double == 4.568)
        #expect(object["sim_cpu_ms"] as? Double == 4.568)
        #expect(object["render_cpu_ms"] is NSNull)
        #expect(object["app_gpu_ms"] is NSNull)
        #expect(object["layer_cpu_ms"] as? Double == 0.001)
        #expect(object["layer_gpu_ms"] as? Double == 0)
        #expect(object["interval_ms"] as? Double == 11.111)
        #expect(object["missed"] as? Int == 2)
        #expect(object["late"] as? Bool == true)
        #expect(object["render_scale"] as? Double == 0.75)
        #expect(object["frame_divisor"] as? Int == 2)
        #expect(object["foveation"] as? String == "fixed")
        #expect(object["pass_filter"] as? String == "bilinear")
        #expect(object["flags"] as? [String] == ["late", "gpu_unavailable"])
        #expect(object["features"] as? [String] == ["recording"])
        #expect(object["end_call_ns"] as? Int == 123)
    }

    @Test func endLineCountsFramesAndDrops() throws {
        let object = try object(RecordingFormat.endLine(frames: 1000, dropped: 3))
        #expect(object["type"] as? String == "end")
        #expect(object["frames"] as? Int == 1000)
        #expect(object["dropped"] as? Int == 3)
    }

    func render(_ build: (inout JSONLine, inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        var line = JSONLine(into: &bytes)
        build(&line, &bytes)
        line.finish(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func numbersWithoutFoundation() {
        #expect(render { $0.field("x", 0.75, into: &$1) } == "{\"x\":0.75}")
        #expect(render { $0.field("x", 1.0, into: &$1) } == "{\"x\":1}")
        #expect(render { $0.field("x", -2.5, into: &$1) } == "{\"x\":-2.5}")
        #expect(render { $0.field("x", 0.0000004, into: &$1) } == "{\"x\":0}")
        #expect(render { $0.field("x", 0.000001, into: &$1) } == "{\"x\":0.000001}")
        #expect(render { $0.field("x", Double.nan, into: &$1) } == "{\"x\":null}")
        #expect(render { $0.field("x", Int64.min, into: &$1) } == "{\"x\":-9223372036854775808}")
        #expect(render { $0.field("x", Int64(0), into: &$1) } == "{\"x\":0}")
        #expect(render { $0.milliseconds("y", -1_500_000, into: &$1) } == "{\"y\":-1.500}")
        #expect(render { $0.milliseconds("y", 1_234_567_890, into: &$1) } == "{\"y\":1234.568}")
        #expect(render { $0.field("s", "\u{01}é", into: &$1) } == "{\"s\":\"\\u0001é\"}")
        #expect(render { line, bytes in
            line.field("a", true, into: &bytes)
            line.openNames("n", into: &bytes)
            line.name("x", if: true, into: &bytes)
            line.name("y", if: false, into: &bytes)
            line.name("z", if: true, into: &bytes)
            line.closeNames(into: &bytes)
        } == "{\"a\":true,\"n\":[\"x\",\"z\"]}")
    }

    @Test func frameLineFitsAReservedBufferWithoutGrowing() {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        let capacity = buffer.capacity
        var frame = FrameRecord(frameIndex: .max, appCpuNs: .max, appGpuNs: .min, frameIntervalNs: 1)
        frame.flags = [.late, .gpuPending, .gpuUnavailable, .discarded, .notRendered]
        RecordingFormat.appendFrameLine(frame, to: &buffer)
        #expect(buffer.capacity == capacity)
        #expect(buffer.count < 1024)
    }
}

@Suite struct TelemetryPathTests {
    @Test func runtimeDirectoryOrPerUserFallback() {
        #expect(TelemetryDirectory.path(environment: ["XDG_RUNTIME_DIR": "/run/user/1000"], uid: 1000)
                == "/run/user/1000/xrperf")
        #expect(TelemetryDirectory.path(environment: [:], uid: 1000) == "/tmp/xrperf-1000")
        // A relative XDG_RUNTIME_DIR is invalid per the XDG spec and ignored.
        #expect(TelemetryDirectory.path(environment: ["XDG_RUNTIME_DIR": "run"], uid: 7) == "/tmp/xrperf-7")
    }

    @Test func fileNamesRoundTrip() throws {
        let name = TelemetryDirectory.fileName(pid: 1234, serial: 2)
        #expect(name == "session-1234-2.shm")
        let parsed = try #require(TelemetryDirectory.parse(fileName: name))
        #expect(parsed.pid == 1234 && parsed.serial == 2)
        for bad in ["session-1234.shm", "session-x-2.shm", "session--2.shm", "other.shm", "session-0-1.shm",
                    "session-1-2.shm.tmp"] {
            #expect(TelemetryDirectory.parse(fileName: bad) == nil, "\(bad)")
        }
    }

    @Test func recordPathTemplates() {
        #expect(RecordPathTemplate.expand("/tmp/run-%p-%s.jsonl", pid: 9, serial: 2) == "/tmp/run-9-2.jsonl")
        #expect(RecordPathTemplate.expand("100%%-%x-%", pid: 9, serial: 2) == "100%-%x-%")
        #expect(RecordPathTemplate.expand("plain.jsonl", pid: 9, serial: 2) == "plain.jsonl")
    }
}
