// sin and cos: the standard library has no trigonometry without Foundation.
import Glibc

public struct Vec3: Equatable, Sendable {
    public var x, y, z: Float
    public init(_ x: Float, _ y: Float, _ z: Float) { (self.x, self.y, self.z) = (x, y, z) }
    public static let zero = Vec3(0, 0, 0)
    static func + (a: Vec3, b: Vec3) -> Vec3 { Vec3(a.x + b.x, a.y + b.y, a.z + b.z) }
    static prefix func - (a: Vec3) -> Vec3 { Vec3(-a.x, -a.y, -a.z) }
}

public struct Quat: Equatable, Sendable {
    public var x, y, z, w: Float
    public init(_ x: Float, _ y: Float, _ z: Float, _ w: Float) { (self.x, self.y, self.z, self.w) = (x, y, z, w) }
    public static let identity = Quat(0, 0, 0, 1)

    /// Spec: an orientation must be a unit quaternion "within a reasonable
    /// tolerance"; 1% of length, as other runtimes allow for float drift.
    public var isNormalized: Bool {
        guard x.isFinite, y.isFinite, z.isFinite, w.isFinite else { return false }
        let length = (x * x + y * y + z * z + w * w).squareRoot()
        return abs(length - 1) <= 0.01
    }

    var conjugate: Quat { Quat(-x, -y, -z, w) }

    /// A turn by `radians` counter-clockwise (right-handed) about the unit vector `axis`.
    static func rotation(about axis: Vec3, radians: Double) -> Quat {
        let s = Float(sin(radians / 2))
        return Quat(axis.x * s, axis.y * s, axis.z * s, Float(cos(radians / 2)))
    }

    static func * (a: Quat, b: Quat) -> Quat {
        Quat(
            a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
            a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
            a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
            a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z)
    }

    func rotate(_ v: Vec3) -> Vec3 {
        let r = self * Quat(v.x, v.y, v.z, 0) * conjugate
        return Vec3(r.x, r.y, r.z)
    }
}

/// A rigid transform: "this frame's origin and axes, expressed in the parent".
public struct Pose: Equatable, Sendable {
    public var orientation: Quat
    public var position: Vec3
    public init(orientation: Quat = .identity, position: Vec3 = .zero) {
        self.orientation = orientation
        self.position = position
    }
    public static let identity = Pose()

    /// `self` applied after `child`: child's pose, expressed in self's parent.
    public func composed(with child: Pose) -> Pose {
        Pose(orientation: orientation * child.orientation, position: position + orientation.rotate(child.position))
    }

    public var inverse: Pose {
        let q = orientation.conjugate
        return Pose(orientation: q, position: -q.rotate(position))
    }

    /// Where `target` (a pose in the common frame) lies relative to `base`.
    public static func relative(_ target: Pose, to base: Pose) -> Pose {
        base.inverse.composed(with: target)
    }
}
