import Glibc
import Testing
@testable import XrSimCore

@Suite struct ViewConfigurationTests {
    @Test func rawValuesAreTheHeaders() {
        #expect(ViewConfiguration.stereo.rawValue == 2)
        #expect(ViewConfiguration.quadVarjo.rawValue == 1_000_037_000)
        #expect(ViewConfiguration.stereo.viewCount == 2 && ViewConfiguration.quadVarjo.viewCount == 4)
    }

    @Test func quadViewsAreTheEyesThenTheirFocus() {
        let quad = ViewConfiguration.quadVarjo
        #expect((0..<4).map(quad.eye(ofView:)) == [0, 1, 0, 1])
        #expect((0..<4).map(quad.isFocus(view:)) == [false, false, true, true])
        #expect(quad.fov(ofView: 0) == SimulatedHead.fov(ofEye: 0))
        #expect(quad.fov(ofView: 1) == SimulatedHead.fov(ofEye: 1))
        #expect(ViewConfiguration.stereo.fov(ofView: 1) == SimulatedHead.fov(ofEye: 1))
    }

    /// The focus covers the fraction of the eye's image plane on every side.
    @Test(arguments: [0, 1])
    func focusFovIsTheCentralFractionInTangentSpace(_ eye: Int) {
        let outer = SimulatedHead.fov(ofEye: eye), focus = ViewConfiguration.quadVarjo.fov(ofView: eye + 2)
        for (o, f) in [(outer.angleLeft, focus.angleLeft), (outer.angleRight, focus.angleRight),
                       (outer.angleUp, focus.angleUp), (outer.angleDown, focus.angleDown)] {
            #expect(abs(Double(tanf(f)) - FocusView.fraction * Double(tanf(o))) < 1e-5)
            #expect(abs(f) < abs(o) && (f < 0) == (o < 0))
        }
    }

    @Test func focusSizeKeepsThePixelDensity() {
        let eye = Resolution(width: 256, height: 200)
        let quad = ViewConfiguration.quadVarjo
        #expect(quad.recommendedSize(ofView: 0, eyeSize: eye) == eye)
        #expect(quad.recommendedSize(ofView: 3, eyeSize: eye) == Resolution(width: 128, height: 100))
        #expect(FocusView.size(within: Resolution(width: 1, height: 3)) == Resolution(width: 1, height: 2))
    }
}
