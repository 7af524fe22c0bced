import Foundation
import Testing
@testable import XrPerfCore

@Suite struct FoveationGeometryTests {
    let eye = TangentFov(left: -1.2, right: 0.8, up: 1.0, down: -1.0)

    @Test func focusFrustumHasTheShareOfEachAxisAroundItsCentre() {
        let focus = FocusFrustum.fov(of: eye, centre: TangentPoint(x: 0, y: 0), share: 0.4)
        #expect(abs(focus.width - 0.8) < 1e-12)
        #expect(abs(focus.height - 0.8) < 1e-12)
        #expect(abs((focus.left + focus.right) / 2) < 1e-12)
        #expect(abs((focus.up + focus.down) / 2) < 1e-12)
    }

    @Test func focusFrustumSlidesBackInsideTheEye() {
        let focus = FocusFrustum.fov(of: eye, centre: TangentPoint(x: 5, y: -5), share: 0.4)
        #expect(abs(focus.right - eye.right) < 1e-12)
        #expect(abs(focus.down - eye.down) < 1e-12)
        #expect(abs(focus.width - 0.8) < 1e-12)
        let whole = FocusFrustum.fov(of: eye, centre: TangentPoint(x: 0.3, y: 0.2), share: 1)
        #expect(whole == eye)
        let nan = FocusFrustum.fov(of: eye, centre: TangentPoint(x: .nan, y: .infinity), share: .nan)
        #expect(nan == eye)
    }

    @Test func fixedCentreIsTheOpticalAxisPlusOffsets() {
        #expect(FocusFrustum.fixedCentre(of: eye, offsetX: 0, offsetY: 0) == TangentPoint(x: 0, y: 0))
        let shifted = FocusFrustum.fixedCentre(of: eye, offsetX: 0.1, offsetY: -0.25)
        #expect(abs(shifted.x - 0.2) < 1e-12)
        #expect(abs(shifted.y + 0.5) < 1e-12)
        // A view that does not contain its axis: the middle of the view.
        let offAxis = TangentFov(left: 0.2, right: 1.0, up: 0.5, down: 0.1)
        let middle = FocusFrustum.fixedCentre(of: offAxis, offsetX: 0, offsetY: 0)
        #expect(abs(middle.x - 0.6) < 1e-12 && abs(middle.y - 0.3) < 1e-12)
    }

    @Test func placementMapsTangentsLinearlyWithImageYDown() throws {
        let focus = TangentFov(left: -0.2, right: 0.2, up: 0.6, down: 0.2)
        let target = PixelRect(x: 100, y: 0, width: 1000, height: 500)
        let placed = try #require(FocusPlacementInImage(eye: eye, focus: focus, target: target))
        #expect(abs(placed.x0 - (100 + 1000 * 1.0 / 2.0)) < 1e-9)
        #expect(abs(placed.x1 - (100 + 1000 * 1.4 / 2.0)) < 1e-9)
        #expect(abs(placed.y0 - 500 * 0.4 / 2.0) < 1e-9)
        #expect(abs(placed.y1 - 500 * 0.8 / 2.0) < 1e-9)
        #expect(abs(placed.blendWidth(share: 0.1) - 10) < 1e-9)
        #expect(placed.blendWidth(share: .nan) == 0)
        let outside = TangentFov(left: 2, right: 3, up: 0.5, down: 0)
        #expect(FocusPlacementInImage(eye: eye, focus: outside, target: target) == nil)
    }

    @Test func quadLayoutSizesAndPixelShare() {
        let recommended = QuadViewLayout.Size(width: 2064, height: 2208)
        let layout = QuadViewLayout(recommended: recommended, maximum: QuadViewLayout.Size(width: 4096, height: 4096),
                                    peripheralDensity: 0.5, focusDensity: 1, focusShare: 0.4)
        #expect(layout.peripheral == QuadViewLayout.Size(width: 1032, height: 1104))
        // Rounded down (825.6 x 883.2): never denser than the output at density 1.
        #expect(layout.focus == QuadViewLayout.Size(width: 825, height: 883))
        #expect(layout.size(ofView: 1) == layout.peripheral && layout.size(ofView: 3) == layout.focus)
        let share = layout.pixelShare(of: recommended)
        #expect(share > 0.40 && share < 0.42)
        let capped = QuadViewLayout(recommended: recommended, maximum: QuadViewLayout.Size(width: 1000, height: 1000),
                                    peripheralDensity: 0.5, focusDensity: 2, focusShare: 1)
        #expect(capped.focus == QuadViewLayout.Size(width: 1000, height: 1000))
    }
}

@Suite struct GazeTests {
    @Test func straightGazeProjectsToTheEyeAxis() throws {
        let identity = GazeProjection.Quaternion(x: 0, y: 0, z: 0, w: 1)
        let point = try #require(GazeProjection.tangentPoint(gaze: identity, eye: identity))
        #expect(abs(point.x) < 1e-12 && abs(point.y) < 1e-12)
    }

    @Test func yawLeftAndPitchUpGiveNegativeXAndPositiveY() throws {
        // 20 degrees counter-clockwise about +Y: looking left.
        let half = 20.0 / 2 * Double.pi / 180
        let yaw = GazeProjection.Quaternion(x: 0, y: sin(half), z: 0, w: cos(half))
        let identity = GazeProjection.Quaternion(x: 0, y: 0, z: 0, w: 1)
        let left = try #require(GazeProjection.tangentPoint(gaze: yaw, eye: identity))
        #expect(abs(left.x + 0.36397) < 1e-4 && abs(left.y) < 1e-9)
        // The same gaze seen from an eye turned the same way is on its axis.
        let onAxis = try #require(GazeProjection.tangentPoint(gaze: yaw, eye: yaw))
        #expect(abs(onAxis.x) < 1e-9)
        let pitch = GazeProjection.Quaternion(x: sin(half), y: 0, z: 0, w: cos(half))
        let up = try #require(GazeProjection.tangentPoint(gaze: pitch, eye: identity))
        #expect(abs(up.y - 0.36397) < 1e-4)
    }

    @Test func backwardsOrBrokenOrientationsGiveNothing() {
        let behind = GazeProjection.Quaternion(x: 0, y: 1, z: 0, w: 0)
        let identity = GazeProjection.Quaternion(x: 0, y: 0, z: 0, w: 1)
        #expect(GazeProjection.tangentPoint(gaze: behind, eye: identity) == nil)
        #expect(GazeProjection.tangentPoint(gaze: GazeProjection.Quaternion(x: 0, y: 0, z: 0, w: 0), eye: identity) == nil)
        #expect(GazeProjection.tangentPoint(gaze: GazeProjection.Quaternion(x: .nan, y: 0, z: 0, w: 1), eye: identity) == nil)
    }

    @Test func filterIgnoresJitterSmoothsMovesSnapsSaccadesAndFallsBack() throws {
        var filter = GazeFilter()
        #expect(filter.update(TangentPoint(x: 0, y: 0)) == TangentPoint(x: 0, y: 0))
        // Inside the dead zone: no move.
        #expect(filter.update(TangentPoint(x: 0.01, y: 0)) == TangentPoint(x: 0, y: 0))
        // A small move: half the way.
        let moved = filter.update(TangentPoint(x: 0.1, y: 0))
        let half = try #require(moved)
        #expect(abs(half.x - 0.05) < 1e-12)
        // A saccade: at once.
        #expect(filter.update(TangentPoint(x: -0.5, y: 0.3)) == TangentPoint(x: -0.5, y: 0.3))
        // Lost: held for staleFrames, then the fixed centre (nil).
        for _ in 0..<filter.settings.staleFrames {
            #expect(filter.update(nil) == TangentPoint(x: -0.5, y: 0.3))
        }
        #expect(filter.update(nil) == nil)
        #expect(filter.update(TangentPoint(x: .nan, y: 0)) == nil)
        // Back: taken at once.
        #expect(filter.update(TangentPoint(x: 0.2, y: 0.1)) == TangentPoint(x: 0.2, y: 0.1))
    }
}
