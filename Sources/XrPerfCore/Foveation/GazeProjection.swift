/// Projects a gaze direction into an eye's tangent plane. Orientations are
/// OpenXR quaternions (x, y, z, w); a view looks down its -Z axis with +Y up.
public enum GazeProjection {
    public struct Quaternion: Sendable, Equatable {
        public var x, y, z, w: Double

        public init(x: Double, y: Double, z: Double, w: Double) {
            (self.x, self.y, self.z, self.w) = (x, y, z, w)
        }

        var conjugate: Quaternion { Quaternion(x: -x, y: -y, z: -z, w: w) }

        /// v rotated by this (unit) quaternion: v + 2w(q x v) + 2 q x (q x v).
        func rotate(_ v: (Double, Double, Double)) -> (Double, Double, Double) {
            let (vx, vy, vz) = v
            let cx = y * vz - z * vy, cy = z * vx - x * vz, cz = x * vy - y * vx
            let dx = y * cz - z * cy, dy = z * cx - x * cz, dz = x * cy - y * cx
            return (vx + 2 * (w * cx + dx), vy + 2 * (w * cy + dy), vz + 2 * (w * cz + dz))
        }

        var isUsable: Bool {
            let norm = x * x + y * y + z * z + w * w
            return norm.isFinite && norm > 0.5 && norm < 1.5
        }
    }

    /// The gaze, given by its orientation in some space, as a point of the
    /// tangent plane of an eye whose orientation is given in the same space;
    /// nil when the gaze points sideways or behind the eye (more than about
    /// 84 degrees off its axis) or an orientation is not a unit quaternion.
    public static func tangentPoint(gaze: Quaternion, eye: Quaternion) -> TangentPoint? {
        guard gaze.isUsable, eye.isUsable else { return nil }
        let direction = gaze.rotate((0, 0, -1))
        let (x, y, z) = eye.conjugate.rotate(direction)
        let forward = -z
        guard forward > 0.1 else { return nil }
        return TangentPoint(x: x / forward, y: y / forward)
    }
}
