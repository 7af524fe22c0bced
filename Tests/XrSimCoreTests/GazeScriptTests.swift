import Testing
@testable import XrSimCore

@Suite struct GazeScriptTests {
    @Test func parsesStepsAndLostWithSpaces() throws {
        let script = try GazeScript.parse(" 0:10:-5 , 30:-20.5:15,60:lost, 90 : 0 : 0")
        #expect(script.entries == [
            .init(frame: 0, sample: .looking(yaw: 10, pitch: -5)),
            .init(frame: 30, sample: .looking(yaw: -20.5, pitch: 15)),
            .init(frame: 60, sample: .lost),
            .init(frame: 90, sample: .looking(yaw: 0, pitch: 0)),
        ])
    }

    @Test func piecewiseConstantOverFrames() throws {
        let script = try GazeScript.parse("5:30:0,10:LOST,12:-30:10")
        #expect(script.sample(atFrame: 0) == .straightAhead)
        #expect(script.sample(atFrame: 4) == .straightAhead)
        #expect(script.sample(atFrame: 5) == .looking(yaw: 30, pitch: 0))
        #expect(script.sample(atFrame: 9) == .looking(yaw: 30, pitch: 0))
        #expect(script.sample(atFrame: 10) == .lost)
        #expect(script.sample(atFrame: 11) == .lost)
        #expect(script.sample(atFrame: 12) == .looking(yaw: -30, pitch: 10))
        #expect(script.sample(atFrame: 1_000_000) == .looking(yaw: -30, pitch: 10))
        #expect(GazeScript.straightAhead.sample(atFrame: 7) == .straightAhead)
    }

    @Test(arguments: [
        ("", "empty entry"), ("0:1:2,", "empty entry"), ("0:1", "FRAME:YAW:PITCH"), ("0:1:2:3", "FRAME:YAW:PITCH"),
        ("x:1:2", "frame"), ("-1:1:2", "frame"), ("0:east:2", "yaw"), ("0:1:up", "pitch"), ("0:181:0", "yaw"),
        ("0:0:-90.5", "pitch"), ("0:nan:0", "yaw"), ("0:inf:0", "yaw"), ("0:lostt", "FRAME:YAW:PITCH"),
        ("10:0:0,5:1:1", "does not come after"), ("3:0:0,3:lost", "does not come after"),
    ])
    func malformedScriptsSayWhy(_ text: String, _ reason: String) {
        #expect {
            _ = try GazeScript.parse(text)
        } throws: { error in
            (error as? GazeScriptError)?.message.contains(reason) == true
        }
    }

    @Test func errorsNameTheEntry() {
        #expect(throws: GazeScriptError(message: "entry 2 \"4:1\": expected FRAME:YAW:PITCH or FRAME:lost")) {
            try GazeScript.parse("0:0:0,4:1")
        }
    }

    @Test func configReadsTheScriptAndRefusesABadOne() {
        let good = XrSimConfig.parse(["XRSIM_GAZE": "0:15:0,20:lost"])
        #expect(good.config.errors.isEmpty && good.warnings.isEmpty)
        #expect(good.config.gaze.sample(atFrame: 25) == .lost)
        #expect(XrSimConfig.parse([:]).config.gaze == .straightAhead)
        #expect(XrSimConfig.parse(["XRSIM_GAZE": ""]).config.errors.isEmpty)
        let bad = XrSimConfig.parse(["XRSIM_GAZE": "0:15"]).config
        #expect(bad.errors.count == 1)
        #expect(bad.errors.first?.hasPrefix("XRSIM_GAZE=0:15: entry 1") == true)
    }

    @Test func bothExtensionsAreOptional() {
        let config = XrSimConfig.parse(["XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction XR_VARJO_quad_views"]).config
        #expect(config.optionalExtensions == [.eyeGazeInteraction, .quadViews])
    }
}

@Suite struct GazeTimelineTests {
    let period: Int64 = 10

    /// A virtual clock: frame N shown at 100 + N * period.
    func timeline(_ text: String, waited frames: UInt64) throws -> GazeTimeline {
        var timeline = GazeTimeline(script: try GazeScript.parse(text))
        for frame in 0..<frames { timeline.frameWaited(frame, displayTime: 100 + Int64(frame) * period) }
        return timeline
    }

    @Test func displayTimesMapToTheFrameShownThen() throws {
        let t = try timeline("0:10:0,3:20:0,5:lost", waited: 8)
        #expect(t.sample(at: 50) == .looking(yaw: 10, pitch: 0))
        #expect(t.sample(at: 100) == .looking(yaw: 10, pitch: 0))
        #expect(t.sample(at: 129) == .looking(yaw: 10, pitch: 0))
        #expect(t.sample(at: 130) == .looking(yaw: 20, pitch: 0))
        #expect(t.sample(at: 149) == .looking(yaw: 20, pitch: 0))
        #expect(t.sample(at: 150) == .lost)
        #expect(t.sample(at: 10_000) == .lost)
    }

    /// A frame not yet waited for has no display time: later times stay on
    /// the latest frame, as a tracker only knows the samples it has.
    @Test func futureFramesDoNotApplyYet() throws {
        let t = try timeline("2:20:0", waited: 2)
        #expect(t.sample(at: 10_000) == .straightAhead)
        var later = t
        later.frameWaited(2, displayTime: 120)
        #expect(later.sample(at: 119) == .straightAhead)
        #expect(later.sample(at: 120) == .looking(yaw: 20, pitch: 0))
    }

    @Test func frameZeroCoversEarlierTimes() throws {
        #expect(try timeline("0:lost", waited: 0).sample(at: 1) == .lost)
        #expect(GazeTimeline(script: .straightAhead).sample(at: 1) == .straightAhead)
    }
}
