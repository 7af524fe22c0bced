/// How GPU cost depends on the rendered pixel count: cost = G x (f + (1 - f) x p)
/// where p is the pixel fraction (render scale squared), G the cost at full
/// quality (which moves every frame with the scene) and f the share that does
/// not scale with pixels (geometry, shadows, compute, fixed passes).
///
/// f is learned per session by least squares with exponential forgetting on
/// pairs of consecutive frames whose pixel fraction differs: within a pair G
/// barely moves, so c2 x (f + (1-f) p1) = c1 x (f + (1-f) p2) holds for the
/// true f, an equation linear in f. Frames at a constant scale carry no
/// information about f and are skipped, which is what keeps a level change of
/// the scene from leaking into the share (a two-parameter regression of cost
/// on p would read every load change as a change of the fixed part). A prior
/// pseudo-observation keeps the estimate near `priorFixedShare` until the
/// controller has moved the scale a few times. O(1), no allocation.
public struct PixelCostModel: Sendable, Equatable {
    public var priorFixedShare: Double
    public var fixedShareRange: ClosedRange<Double>
    /// Per-pair forgetting factor of the running sums (0..<1).
    public var forgetting: Double
    /// Weight of the prior, in units of one pair whose pixel fraction changed by 0.2.
    public var priorWeight: Double
    /// Smallest change of pixel fraction between two frames worth a pair.
    public var minimumPixelChange: Double

    private var sumUV = 0.0
    private var sumVV = 0.0
    private var previousPixelFraction = Double.nan
    private var previousCost = Double.nan
    public private(set) var pairs = 0

    public init(
        priorFixedShare: Double = 0.25,
        fixedShareRange: ClosedRange<Double> = 0.1...0.8,
        forgetting: Double = 0.98,
        priorWeight: Double = 2,
        minimumPixelChange: Double = 0.03
    ) {
        self.priorFixedShare = priorFixedShare
        self.fixedShareRange = fixedShareRange
        self.forgetting = forgetting
        self.priorWeight = priorWeight
        self.minimumPixelChange = minimumPixelChange
    }

    /// Feeds one observed frame: its pixel fraction and its GPU cost.
    /// `typical` is false for a frame whose cost was far off its forecast (a
    /// hitch: G changed within the pair, which would read as a pixel effect)
    /// or that came before the forecast knew what far off means.
    public mutating func observe(pixelFraction p2: Double, cost c2: Double, typical: Bool = true) {
        guard p2.isFinite, c2.isFinite, p2 > 0, c2 > 0, typical else {
            previousCost = .nan
            return
        }
        defer {
            previousPixelFraction = p2
            previousCost = c2
        }
        let p1 = previousPixelFraction
        let c1 = previousCost
        guard c1.isFinite, abs(p2 - p1) >= minimumPixelChange else { return }
        // Residual of the pair, divided by c1 so that it is scale-free:
        // e(f) = u + f v with u = r p1 - p2, v = r (1 - p1) - (1 - p2), r = c2 / c1.
        // For any share in 0...1 the ratio lies between 1 and p2 / p1; one
        // outside is the scene moving within the pair. Unclamped, such a pair
        // points at a share far outside 0...1 (cost up by 1.4x while pixels
        // went down to 0.65x points at about 4), and one of them outweighs the
        // prior and every pair after it. Clamped, it counts at most as a pair
        // whose cost stayed put (share 1) or fell with its pixels (share 0).
        let ratio = min(max(c2 / c1, min(1, p2 / p1)), max(1, p2 / p1))
        let u = ratio * p1 - p2
        let v = ratio * (1 - p1) - (1 - p2)
        sumUV = forgetting * sumUV + u * v
        sumVV = forgetting * sumVV + v * v
        pairs += 1
    }

    /// The share of GPU cost that does not scale with pixels. Never below
    /// the prior: the controller lowers the scale when the scene peaks and
    /// raises it in lulls, and regression to the mean then makes cost look
    /// more pixel-bound than it is. That bias points the unsafe way (it
    /// promises more saving from a lower scale than there is), so only
    /// evidence for a larger fixed share is taken.
    public var fixedShare: Double {
        max(estimatedFixedShare, min(max(priorFixedShare, fixedShareRange.lowerBound), fixedShareRange.upperBound))
    }

    /// The least-squares estimate itself, clamped to `fixedShareRange`.
    public var estimatedFixedShare: Double {
        // Prior as pseudo-pairs with v of a 0.2 step: v^2 = 0.04 per pair.
        let priorVV = priorWeight * 0.04
        let estimate = (-sumUV + priorVV * priorFixedShare) / (sumVV + priorVV)
        guard estimate.isFinite else { return priorFixedShare }
        return min(max(estimate, fixedShareRange.lowerBound), fixedShareRange.upperBound)
    }

    /// Cost at pixel fraction `p` relative to full quality (p = 1).
    public func costFactor(pixelFraction p: Double) -> Double {
        let f = fixedShare
        return f + (1 - f) * p
    }

    /// The largest pixel fraction whose cost factor stays within `factor`;
    /// may be below zero when even the fixed share does not fit.
    public func pixelFraction(forCostFactor factor: Double) -> Double {
        let f = fixedShare
        return (factor - f) / (1 - f)
    }
}
