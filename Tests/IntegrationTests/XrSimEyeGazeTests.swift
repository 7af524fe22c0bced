import Foundation
import Testing

/// XrSim's XR_EXT_eye_gaze_interaction with a scripted gaze (XRSIM_GAZE),
/// driven by a C host (Tests/hosts/eye_gaze.c) through the real loader with no
/// API layer, in the flow xrperf's layer uses. The host checks the action
/// system's answers itself and prints each frame's located gaze; this test
/// compares those directions with the script.
@Suite(.serialized) struct XrSimEyeGazeTests {
    static let script = "0:0:0, 3:25:10, 6:-40:-15, 9:lost, 12:10:30"
    /// The same script, as the test reads it: (first frame, yaw, pitch), nil = lost.
    static let steps: [(frame: Int, gaze: (yaw: Double, pitch: Double)?)] = [
        (0, (0, 0)), (3, (25, 10)), (6, (-40, -15)), (9, nil), (12, (10, 30)),
    ]
    static let frames = 16

    struct Frame {
        let index: Int
        let active: Bool
        let flags: UInt64
        let direction: (Double, Double, Double)
        let sampleTime: Int64
        let displayTime: Int64
    }

    func run(_ variables: [String: String]) throws -> ProcessOutput {
        let artifacts = Artifacts()
        let host = artifacts.host("eye_gaze")
        try artifacts.require(host, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        var env = try XrEnvironment(artifacts: artifacts, frames: 0)
        defer { env.cleanUp() }
        env.variables["EYE_GAZE_FRAMES"] = String(Self.frames)
        env.variables.merge(variables) { $1 }
        return try runProcess(host.path, environment: env.environment, timeout: 60)
    }

    func lines(_ output: ProcessOutput, starting prefix: String) -> [String] {
        output.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }

    /// "frame N active A flags F dir X Y Z sample S display D"
    func frames(_ output: ProcessOutput) -> [Frame] {
        lines(output, starting: "frame ").compactMap { line in
            let w = line.split(separator: " ").map(String.init)
            guard w.count == 14, let index = Int(w[1]), let flags = UInt64(w[5], radix: 16),
                let x = Double(w[7]), let y = Double(w[8]), let z = Double(w[9]),
                let sample = Int64(w[11]), let display = Int64(w[13])
            else { return nil }
            return Frame(index: index, active: w[3] == "1", flags: flags, direction: (x, y, z),
                         sampleTime: sample, displayTime: display)
        }
    }

    /// Where the script says the eyes look at `frame`: positive yaw to the
    /// left (towards -X), positive pitch up, -Z ahead.
    static func expectedDirection(frame: Int) -> (Double, Double, Double)? {
        guard let gaze = steps.last(where: { $0.frame <= frame })!.gaze else { return nil }
        let yaw = gaze.yaw * .pi / 180, pitch = gaze.pitch * .pi / 180
        return (-sin(yaw) * cos(pitch), sin(pitch), -cos(yaw) * cos(pitch))
    }

    @Test(arguments: ["virtual", "realtime"])
    func gazeFollowsTheScript(clock: String) throws {
        let output = try run([
            "XRSIM_CLOCK": clock, "XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction", "XRSIM_GAZE": Self.script,
        ])
        let context = Comment(rawValue: output.combined)
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(lines(output, starting: "FAIL").isEmpty, context)
        #expect(lines(output, starting: "ok property.supported").count == 1, context)
        #expect(lines(output, starting: "ok notEnabled.profileRejected").count == 2, context)
        let located = frames(output)
        #expect(located.map(\.index) == Array(0..<Self.frames), context)
        let allFlags: UInt64 = 0xF
        for frame in located {
            // Input reaches only a focused session: from the frame after the first xrEndFrame.
            #expect(frame.active == (frame.index > 0), "frame \(frame.index) active\n\(output.combined)")
            guard frame.index > 0 else {
                #expect(frame.flags == 0, context)
                continue
            }
            if let expected = Self.expectedDirection(frame: frame.index) {
                #expect(frame.flags == allFlags, "frame \(frame.index) flags\n\(output.combined)")
                #expect(frame.sampleTime == frame.displayTime, "frame \(frame.index) sample time\n\(output.combined)")
                let (x, y, z) = frame.direction
                let error = max(abs(x - expected.0), abs(y - expected.1), abs(z - expected.2))
                #expect(error < 1e-4, "frame \(frame.index): \(frame.direction) vs \(expected)\n\(output.combined)")
            } else {
                #expect(frame.flags == 0, "frame \(frame.index) lost\n\(output.combined)")
                #expect(frame.sampleTime == 0, "frame \(frame.index) sample time\n\(output.combined)")
            }
        }
        // The script really moved the gaze: at least three different tracked directions.
        let distinct = Set(located.filter { $0.flags != 0 }.map { "\($0.direction)" })
        #expect(distinct.count >= 3, context)
    }

    @Test func unsetGazeLooksStraightAhead() throws {
        let output = try run(["XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction"])
        let context = Comment(rawValue: output.combined)
        #expect(output.status == 0, context)
        let tracked = frames(output).filter { $0.index > 0 }
        #expect(tracked.count == Self.frames - 1, context)
        for frame in tracked {
            #expect(frame.flags == 0xF && abs(frame.direction.2 + 1) < 1e-6, "frame \(frame.index)\n\(output.combined)")
        }
    }

    @Test func malformedScriptRefusesTheInstance() throws {
        let output = try run(["XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction", "XRSIM_GAZE": "0:0:0,3:25"])
        let context = Comment(rawValue: output.combined)
        #expect(output.status == 100, context)
        #expect(lines(output, starting: "createInstance") == ["createInstance -6"], context)
        #expect(output.stderr.contains(
            "[xrsim] XRSIM_GAZE=0:0:0,3:25: entry 2 \"3:25\": expected FRAME:YAW:PITCH or FRAME:lost; instance not created"),
            context)
    }
}
