/// XrReferenceSpaceType values XrSim supports, with the headers' raw values.
public enum ReferenceSpaceKind: Int32, CaseIterable, Sendable {
    case view = 1, local = 2, stage = 3
}

/// A field of view in radians (XrFovf).
public struct Fov: Equatable, Sendable {
    public var angleLeft, angleRight, angleUp, angleDown: Float
}

/// The static, always-tracked head of XrSim. The common frame is STAGE (floor
/// at y = 0); the head stands 1.6 m up, and LOCAL is anchored at the head so
/// that the head is at identity in LOCAL.
public enum SimulatedHead {
    public static let eyeHeight: Float = 1.6
    /// Interpupillary distance, in metres.
    public static let ipd: Float = 0.063
    /// Half-extents of the STAGE bounds rectangle (a 3 m x 3 m play area).
    public static let stageHalfExtent: Float = 1.5

    public static var headInStage: Pose { Pose(position: Vec3(0, eyeHeight, 0)) }

    /// Origin of a reference space in the common (STAGE) frame.
    public static func origin(of kind: ReferenceSpaceKind) -> Pose {
        switch kind {
        case .stage: .identity
        case .local, .view: headInStage
        }
    }

    /// Eye `index` (0 = left, 1 = right) in the head (VIEW) frame.
    public static func eyeInHead(_ index: Int) -> Pose {
        let offset = (index == 0 ? -ipd : ipd) / 2
        return Pose(position: Vec3(offset, 0, 0))
    }

    /// Slightly asymmetric, wider towards the temple, as real HMD optics are
    /// (about 50 degrees outwards, 45 inwards, 47 up and down).
    public static func fov(ofEye index: Int) -> Fov {
        let outer: Float = 0.8727, inner: Float = 0.7854, vertical: Float = 0.8203
        return index == 0
            ? Fov(angleLeft: -outer, angleRight: inner, angleUp: vertical, angleDown: -vertical)
            : Fov(angleLeft: -inner, angleRight: outer, angleUp: vertical, angleDown: -vertical)
    }
}
