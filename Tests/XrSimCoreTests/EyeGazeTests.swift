import Testing
@testable import XrSimCore

@Suite struct EyeGazeTests {
    func close(_ a: Vec3, _ b: Vec3, _ tolerance: Float = 1e-5) -> Bool {
        abs(a.x - b.x) < tolerance && abs(a.y - b.y) < tolerance && abs(a.z - b.z) < tolerance
    }

    func looking(_ yaw: Double, _ pitch: Double) -> Vec3 {
        EyeGaze.poseInStage(.looking(yaw: yaw, pitch: pitch))!.orientation.rotate(Vec3(0, 0, -1))
    }

    @Test func startsAtTheCentreEye() {
        let pose = EyeGaze.poseInStage(.looking(yaw: 40, pitch: -20))!
        #expect(pose.position == SimulatedHead.headInStage.position)
        #expect(pose.orientation.isNormalized)
        #expect(EyeGaze.poseInStage(.straightAhead) == SimulatedHead.headInStage)
    }

    @Test func positiveYawLooksLeftAndPositivePitchUp() {
        #expect(close(looking(90, 0), Vec3(-1, 0, 0)))
        #expect(close(looking(-90, 0), Vec3(1, 0, 0)))
        #expect(close(looking(0, 90), Vec3(0, 1, 0)))
        #expect(close(looking(0, -30), Vec3(0, -0.5, -0.8660254)))
    }

    @Test(arguments: [(30.0, 10.0), (-45.0, 20.0), (170.0, -60.0), (0.0, 0.0)])
    func directionMatchesTheFormula(_ yaw: Double, _ pitch: Double) {
        #expect(close(looking(yaw, pitch), EyeGaze.direction(yaw: yaw, pitch: pitch)))
    }

    /// Yaw then pitch: the gaze never rolls, its right axis stays level.
    @Test func noRoll() {
        let right = EyeGaze.poseInStage(.looking(yaw: 35, pitch: 25))!.orientation.rotate(Vec3(1, 0, 0))
        #expect(abs(right.y) < 1e-6)
    }

    @Test func lostHasNoPose() { #expect(EyeGaze.poseInStage(.lost) == nil) }

    @Test func eyeGazePathsNeedTheExtension() {
        let plain = InputPaths(eyeGaze: false), gaze = InputPaths(eyeGaze: true)
        #expect(!plain.isTopLevelUserPath(EyeGazePaths.user) && gaze.isTopLevelUserPath(EyeGazePaths.user))
        #expect(gaze.isTopLevelUserPath("/user/hand/left"))
        #expect(!plain.isKnownProfile(EyeGazePaths.profile) && gaze.isKnownProfile(EyeGazePaths.profile))
        #expect(gaze.isPlausibleBinding("/user/eyes_ext/input/gaze_ext/pose", forProfile: EyeGazePaths.profile))
        #expect(gaze.isPlausibleBinding("/user/eyes_ext/input/gaze_ext", forProfile: EyeGazePaths.profile))
        #expect(!gaze.isPlausibleBinding("/user/eyes_ext/input/select/click", forProfile: EyeGazePaths.profile))
        #expect(!gaze.isPlausibleBinding("/user/hand/left/input/grip/pose", forProfile: EyeGazePaths.profile))
        #expect(!plain.isPlausibleBinding("/user/eyes_ext/input/gaze_ext/pose", forProfile: EyeGazePaths.profile))
        #expect(gaze.isPlausibleBinding("/user/hand/left/input/grip/pose", forProfile: "/interaction_profiles/khr/simple_controller"))
    }
}
