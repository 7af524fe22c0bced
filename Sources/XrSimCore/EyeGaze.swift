// Trigonometry only: the standard library has none without Foundation.
import Glibc

/// The eye gaze pose XR_EXT_eye_gaze_interaction reports: it starts at the
/// centre eye (between the eyes, as the spec allows) and looks down the
/// head's -Z turned by the sample's yaw (about the head's +Y) and then its
/// pitch (about the turned +X), so a yaw-only or pitch-only gaze never rolls.
public enum EyeGaze {
    /// Where the gaze is in the common (STAGE) frame; nil when it is lost.
    public static func poseInStage(_ sample: GazeSample) -> Pose? {
        guard case let .looking(yaw, pitch) = sample else { return nil }
        let turn = Quat.rotation(about: Vec3(0, 1, 0), radians: yaw * .pi / 180)
            * Quat.rotation(about: Vec3(1, 0, 0), radians: pitch * .pi / 180)
        return SimulatedHead.headInStage.composed(with: Pose(orientation: turn))
    }

    /// The unit vector the gaze looks along, in head coordinates.
    static func direction(yaw: Double, pitch: Double) -> Vec3 {
        let y = yaw * .pi / 180, p = pitch * .pi / 180
        return Vec3(Float(-sin(y) * cos(p)), Float(sin(p)), Float(-cos(y) * cos(p)))
    }
}
