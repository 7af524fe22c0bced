/// The Mann-Whitney U test (Wilcoxon rank-sum), one-sided: is a value drawn
/// from `new` more likely to be larger than one drawn from `base`? Normal
/// approximation with tie correction and continuity correction, fine for the
/// hundreds to thousands of frames of a recording.
public struct MannWhitney: Sendable, Equatable, Codable {
    /// U of `new`: pairs (b, n) with n > b, ties counting one half.
    public var u: Double
    public var z: Double
    /// P(U >= observed) under "same distribution".
    public var pValue: Double
    /// U / (n_base n_new): the probability that a new frame is slower than a
    /// base frame (0.5 = no difference).
    public var probabilityNewLarger: Double

    /// nil when either sample is empty.
    public init?(base: [Double], new: [Double]) {
        let n1 = base.count, n2 = new.count
        guard n1 > 0, n2 > 0 else { return nil }
        var all = base.map { ($0, false) } + new.map { ($0, true) }
        all.sort { $0.0 < $1.0 }
        let n = all.count
        var rankSumNew = 0.0
        var tieTerm = 0.0
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && all[j + 1].0 == all[i].0 { j += 1 }
            // Ranks i+1 ... j+1 share their mean.
            let rank = Double(i + j + 2) / 2
            let tied = Double(j - i + 1)
            tieTerm += tied * tied * tied - tied
            for k in i...j where all[k].1 { rankSumNew += rank }
            i = j + 1
        }
        let m1 = Double(n1), m2 = Double(n2), total = Double(n)
        u = rankSumNew - m2 * (m2 + 1) / 2
        let mean = m1 * m2 / 2
        let variance = m1 * m2 / 12 * ((total + 1) - (n > 1 ? tieTerm / (total * (total - 1)) : 0))
        if variance > 0 {
            let corrected = u - mean - 0.5
            z = corrected / variance.squareRoot()
            pValue = Numerics.normalUpperTail(z)
        } else {
            z = 0
            pValue = 1
        }
        probabilityNewLarger = u / (m1 * m2)
    }
}
