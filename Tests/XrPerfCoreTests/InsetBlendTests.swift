import Testing
@testable import XrPerfCore

@Suite struct InsetBlendTests {
    let rect = InsetRect(x0: 10, y0: 20, x1: 110, y1: 80)

    @Test func fullWeightDeepInsideAndNoneOutside() {
        #expect(InsetBlend.weight(x: 60, y: 50, rect: rect, blendWidth: 8) == 1)
        for (x, y) in [(9, 50), (110, 50), (60, 19), (60, 80), (0, 0), (200, 200), (-5, 50)] {
            #expect(InsetBlend.weight(x: Int32(x), y: Int32(y), rect: rect, blendWidth: 8) == 0, "(\(x), \(y))")
        }
    }

    @Test func rampRisesMonotonicallyAcrossExactlyTheBand() {
        let blendWidth: Float = 8
        var previous: Float = -1
        // Pixel 10's centre is 0.5 inside the left edge; pixel 17's 7.5, pixel 18's 8.5.
        for x in Int32(10)...Int32(30) {
            let weight = InsetBlend.weight(x: x, y: 50, rect: rect, blendWidth: blendWidth)
            #expect(weight > previous || weight == 1, "x \(x): \(weight) after \(previous)")
            let inside = Float(x) + 0.5 - rect.x0
            if inside < blendWidth {
                #expect(weight > 0 && weight < 1, "x \(x) is \(inside) inside: \(weight)")
            } else {
                #expect(weight == 1, "x \(x) is \(inside) inside: \(weight)")
            }
            previous = weight
        }
        // Symmetric at the right edge.
        for offset in Int32(0)..<8 {
            #expect(InsetBlend.weight(x: 10 + offset, y: 50, rect: rect, blendWidth: blendWidth)
                    == InsetBlend.weight(x: 109 - offset, y: 50, rect: rect, blendWidth: blendWidth))
        }
    }

    @Test func rampIsASmoothstep() {
        #expect(InsetBlend.ramp(inside: 0, inverseWidth: 0.25) == 0)
        #expect(InsetBlend.ramp(inside: 2, inverseWidth: 0.25) == 0.5)
        #expect(abs(InsetBlend.ramp(inside: 1, inverseWidth: 0.25) - 0.15625) < 1e-7)
        #expect(InsetBlend.ramp(inside: 4, inverseWidth: 0.25) == 1)
        #expect(InsetBlend.ramp(inside: -3, inverseWidth: 0.25) == 0)
    }

    @Test func cornersAreTheProductOfBothRamps() {
        let x = InsetBlend.weight(x: 12, y: 50, rect: rect, blendWidth: 8)
        let y = InsetBlend.weight(x: 60, y: 21, rect: rect, blendWidth: 8)
        #expect(InsetBlend.weight(x: 12, y: 21, rect: rect, blendWidth: 8) == x * y)
        #expect(x * y < min(x, y))
    }

    @Test func noBandIsAHardEdge() {
        for blendWidth: Float in [0, -2, .nan] {
            #expect(InsetBlend.weight(x: 10, y: 20, rect: rect, blendWidth: blendWidth) == 1)
            #expect(InsetBlend.weight(x: 9, y: 20, rect: rect, blendWidth: blendWidth) == 0)
        }
        let fractional = InsetRect(x0: 10.5, y0: 0, x1: 20, y1: 10)
        // Pixel 10's centre lies on the edge: not inside.
        #expect(InsetBlend.weight(x: 10, y: 5, rect: fractional, blendWidth: 0) == 0)
        #expect(InsetBlend.weight(x: 11, y: 5, rect: fractional, blendWidth: 0) == 1)
    }

    @Test func coveredPixelsAreExactlyThoseWithWeight() {
        let clip = PixelRect(x: 4, y: 0, width: 40, height: 30)
        for rect in [InsetRect(x0: 10.5, y0: 3.2, x1: 20.5, y1: 9.99), InsetRect(x0: -7, y0: -3.7, x1: 6.3, y1: 40),
                     InsetRect(x0: 40.6, y0: 5, x1: 90, y1: 6.4), InsetRect(x0: 12, y0: 12, x1: 12.4, y1: 13)] {
            let covered = rect.coveredPixels(within: clip)
            var expected: [(Int32, Int32)] = []
            for y in Int32(-5)..<50 {
                for x in Int32(-5)..<60
                where clip.intersection(PixelRect(x: x, y: y, width: 1, height: 1)) != nil
                    && InsetBlend.weight(x: x, y: y, rect: rect, blendWidth: 3) > 0 {
                    expected.append((x, y))
                }
            }
            if expected.isEmpty {
                #expect(covered == nil, "\(rect): \(String(describing: covered))")
                continue
            }
            let minX = expected.map(\.0).min()!, maxX = expected.map(\.0).max()!
            let minY = expected.map(\.1).min()!, maxY = expected.map(\.1).max()!
            #expect(covered == PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1), "\(rect)")
            #expect(expected.count == Int((maxX - minX + 1) * (maxY - minY + 1)))
        }
    }

    @Test func degenerateRectsCoverNothing() {
        let clip = PixelRect(x: 0, y: 0, width: 100, height: 100)
        #expect(InsetRect(x0: 5, y0: 5, x1: 5, y1: 50).coveredPixels(within: clip) == nil)
        #expect(InsetRect(x0: 50, y0: 5, x1: 10, y1: 50).coveredPixels(within: clip) == nil)
        #expect(InsetRect(x0: .nan, y0: 5, x1: 10, y1: 50).coveredPixels(within: clip) == nil)
        #expect(InsetRect(x0: 0, y0: 0, x1: .infinity, y1: 50).coveredPixels(within: clip) == nil)
        #expect(InsetRect(x0: 0, y0: 0, x1: 50, y1: 50).coveredPixels(within: PixelRect(x: 0, y: 0, width: 0, height: 9)) == nil)
        #expect(InsetRect(x0: -1e9, y0: -1e9, x1: 1e9, y1: 1e9).coveredPixels(within: clip) == clip)
    }

    @Test func pixelRectIntersection() {
        let a = PixelRect(x: 0, y: 0, width: 10, height: 10)
        #expect(a.intersection(PixelRect(x: 5, y: -3, width: 10, height: 5)) == PixelRect(x: 5, y: 0, width: 5, height: 2))
        #expect(a.intersection(PixelRect(x: 10, y: 0, width: 3, height: 3)) == nil)
        #expect(a.intersection(a) == a)
    }
}

@Suite struct InsetFetchChoiceTests {
    @Test func onlyADenserFocusNeedsThePerPixelFetch() {
        let rect = InsetRect(x0: 619.2, y0: 662.4, x1: 1444.8, y1: 1545.6)
        // 825 x 883 texels over 825.6 x 883.2 pixels: magnified.
        #expect(!rect.needsPerPixelFetch(PixelRect(x: 0, y: 0, width: 825, height: 883)))
        // 826 texels over 825.6 pixels: a hair denser.
        #expect(rect.needsPerPixelFetch(PixelRect(x: 0, y: 0, width: 826, height: 883)))
        // Exactly one texel per pixel.
        let whole = InsetRect(x0: 10, y0: 10, x1: 110, y1: 60)
        #expect(!whole.needsPerPixelFetch(PixelRect(x: 0, y: 0, width: 100, height: 50)))
        // Magnified, but within float rounding of 1: the fetch stays.
        let near = InsetRect(x0: 0, y0: 0, x1: 1000.1, y1: 50)
        #expect(near.needsPerPixelFetch(PixelRect(x: 0, y: 0, width: 1000, height: 50)))
        // Twice as dense.
        #expect(whole.needsPerPixelFetch(PixelRect(x: 0, y: 0, width: 200, height: 50)))
    }
}
