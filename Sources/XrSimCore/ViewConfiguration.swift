// tan and atan for the focus views' angles.
import Glibc

/// The view configurations XrSim can offer, with the headers' raw values.
public enum ViewConfiguration: UInt32, Sendable {
    case stereo = 2
    /// XR_VARJO_quad_views: the two stereo views, then a focus view per eye.
    case quadVarjo = 1000037000

    public var viewCount: Int {
        switch self {
        case .stereo: 2
        case .quadVarjo: 4
        }
    }

    /// The eye of view `index`: 0 = left, 1 = right.
    public func eye(ofView index: Int) -> Int { index % 2 }

    public func isFocus(view index: Int) -> Bool { self == .quadVarjo && index >= 2 }

    /// View `index`'s field of view.
    public func fov(ofView index: Int) -> Fov {
        let eyeFov = SimulatedHead.fov(ofEye: eye(ofView: index))
        return isFocus(view: index) ? FocusView.fov(within: eyeFov) : eyeFov
    }

    /// View `index`'s recommended image size, `eyeSize` being a stereo view's.
    public func recommendedSize(ofView index: Int, eyeSize: Resolution) -> Resolution {
        isFocus(view: index) ? FocusView.size(within: eyeSize) : eyeSize
    }
}

/// The focus views of XR_VARJO_quad_views: the central part of each eye's
/// view, a fixed fraction of its extent on the image plane (tangent space) on
/// every side, so at the same pixel density its image is that fraction of the
/// eye's image on each side.
public enum FocusView {
    /// Half the eye's extent on each side: a quarter of the image area.
    public static let fraction = 0.5

    public static func fov(within eye: Fov) -> Fov {
        func scaled(_ angle: Float) -> Float { Float(atan(fraction * tan(Double(angle)))) }
        return Fov(angleLeft: scaled(eye.angleLeft), angleRight: scaled(eye.angleRight),
                   angleUp: scaled(eye.angleUp), angleDown: scaled(eye.angleDown))
    }

    public static func size(within eye: Resolution) -> Resolution {
        func scaled(_ side: UInt32) -> UInt32 { max(1, UInt32((Double(side) * fraction).rounded())) }
        return Resolution(width: scaled(eye.width), height: scaled(eye.height))
    }
}
