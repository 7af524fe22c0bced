/// The focus view of one eye: a sub-frustum of the eye's view, `share` of its
/// extent on each axis, centred on a point of the eye's tangent plane and
/// slid back inside the eye's view where the point is near an edge (the
/// focus view never shows what the eye's view does not).
public enum FocusFrustum {
    public static func fov(of eye: TangentFov, centre: TangentPoint, share: Double) -> TangentFov {
        guard eye.isUsable else { return eye }
        let clampedShare = share.isFinite ? min(max(share, 0.01), 1) : 1
        let halfWidth = eye.width * clampedShare / 2
        let halfHeight = eye.height * clampedShare / 2
        let x = centre.x.isFinite ? min(max(centre.x, eye.left + halfWidth), eye.right - halfWidth) : (eye.left + eye.right) / 2
        let y = centre.y.isFinite ? min(max(centre.y, eye.down + halfHeight), eye.up - halfHeight) : (eye.up + eye.down) / 2
        return TangentFov(left: x - halfWidth, right: x + halfWidth, up: y + halfHeight, down: y - halfHeight)
    }

    /// The fixed focus centre: the eye's optical axis (tangent 0, 0), which
    /// on a headset with canted or asymmetric frusta is where the lens centre
    /// is, not the middle of the frustum; shifted by the profile's offsets,
    /// as shares of the view's extent (positive: right and up, both eyes).
    public static func fixedCentre(of eye: TangentFov, offsetX: Double, offsetY: Double) -> TangentPoint {
        let inside = eye.left < 0 && eye.right > 0 && eye.down < 0 && eye.up > 0
        let base = inside ? TangentPoint(x: 0, y: 0) : TangentPoint(x: (eye.left + eye.right) / 2, y: (eye.up + eye.down) / 2)
        let dx = offsetX.isFinite ? offsetX : 0
        let dy = offsetY.isFinite ? offsetY : 0
        return TangentPoint(x: base.x + dx * eye.width, y: base.y + dy * eye.height)
    }
}
