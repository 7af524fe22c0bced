/// `xrperf compare`: is NEW slower than BASE? Each timing metric (frame
/// interval, app CPU, app GPU) is checked twice (the parts of app CPU, its
/// simulation and render threads, are compared the same way and shown, but
/// only app CPU itself decides: counting its parts too would test one
/// slowdown three times and raise the false-alarm rate):
///
/// - median: regression when the lower end of the bootstrap confidence
///   interval of p50(new) - p50(base) exceeds `threshold` x p50(base) AND the
///   one-sided Mann-Whitney test says new is larger with p < `alpha`;
/// - tail: regression when the lower end of the confidence interval of
///   p99(new) - p99(base) exceeds `threshold` x p99(base).
///
/// Both also need the slowdown's lower bound to exceed `minimumChangeMs`: a
/// 40% rise of a 0.01 ms median is four microseconds, which no frame notices
/// and which scheduling noise alone produces.
///
/// Requiring the *lower* bound of the interval to pass the threshold means
/// noise alone almost never flags: the slowdown must be larger than the
/// threshold with ~97.5% confidence. The miss rate is checked with a one-sided
/// two-proportion z-test: regression when it rose by more than
/// `missRateThreshold` (absolute) with p < `alpha`.
public struct ComparisonOptions: Sendable, Equatable, Codable {
    /// Relative slowdown that counts (0.10 = 10%).
    public var threshold: Double
    /// Absolute rise of the miss rate that counts (0.01 = one percentage point).
    public var missRateThreshold: Double
    /// Smallest slowdown of a timing metric that counts, in milliseconds.
    public var minimumChangeMs: Double
    public var alpha: Double
    public var resamples: Int
    public var seed: UInt64

    public init(threshold: Double = 0.10, missRateThreshold: Double = 0.01, alpha: Double = 0.01,
                resamples: Int = 1000, seed: UInt64 = 0x7872_7065_7266, minimumChangeMs: Double = 0.05) {
        self.threshold = threshold
        self.minimumChangeMs = minimumChangeMs
        self.missRateThreshold = missRateThreshold
        self.alpha = alpha
        self.resamples = resamples
        self.seed = seed
    }
}

public struct MetricComparison: Sendable, Equatable, Codable {
    /// `interval`, `app_cpu`, `sim_cpu`, `render_cpu` or `app_gpu`.
    public var metric: String
    /// false for a part of another metric (sim_cpu, render_cpu): shown,
    /// not part of the verdict.
    public var decides = true
    public var baseFrames: Int
    public var newFrames: Int
    /// Milliseconds.
    public var baseP50: Double
    public var newP50: Double
    public var baseP99: Double
    public var newP99: Double
    /// (new - base) / base.
    public var p50Change: Double
    public var p99Change: Double
    /// Bootstrap confidence interval of new - base, milliseconds.
    public var p50Difference: QuantileDifferenceBootstrap.Interval
    public var p99Difference: QuantileDifferenceBootstrap.Interval
    public var mannWhitney: MannWhitney
    public var medianRegression: Bool
    public var tailRegression: Bool
    public var regression: Bool

    public init(metric: String, base: [Double], new: [Double], options: ComparisonOptions) {
        self.metric = metric
        baseFrames = base.count
        newFrames = new.count
        let sortedBase = base.sorted(), sortedNew = new.sorted()
        baseP50 = Percentile.of(sorted: sortedBase, 0.5) ?? 0
        newP50 = Percentile.of(sorted: sortedNew, 0.5) ?? 0
        baseP99 = Percentile.of(sorted: sortedBase, 0.99) ?? 0
        newP99 = Percentile.of(sorted: sortedNew, 0.99) ?? 0
        p50Change = baseP50 > 0 ? (newP50 - baseP50) / baseP50 : 0
        p99Change = baseP99 > 0 ? (newP99 - baseP99) / baseP99 : 0
        let bootstrap = QuantileDifferenceBootstrap(resamples: options.resamples, confidence: 0.95, seed: options.seed)
        let intervals = bootstrap.intervals(base: sortedBase, new: sortedNew, quantiles: [0.5, 0.99])
            ?? [.init(lower: 0, upper: 0), .init(lower: 0, upper: 0)]
        p50Difference = intervals[0]
        p99Difference = intervals[1]
        mannWhitney = MannWhitney(base: base, new: new)
            ?? MannWhitney(base: [0], new: [0])!
        medianRegression = p50Difference.lower > max(options.threshold * baseP50, options.minimumChangeMs)
            && mannWhitney.pValue < options.alpha
        tailRegression = p99Difference.lower > max(options.threshold * baseP99, options.minimumChangeMs)
        regression = medianRegression || tailRegression
    }
}

public struct MissRateComparison: Sendable, Equatable, Codable {
    public var baseRate: Double
    public var newRate: Double
    public var z: Double
    public var pValue: Double
    public var regression: Bool

    public init(baseLate: Int, baseFrames: Int, newLate: Int, newFrames: Int, options: ComparisonOptions) {
        baseRate = baseFrames > 0 ? Double(baseLate) / Double(baseFrames) : 0
        newRate = newFrames > 0 ? Double(newLate) / Double(newFrames) : 0
        let pooled = Double(baseLate + newLate) / Double(max(1, baseFrames + newFrames))
        let variance = pooled * (1 - pooled) * (1 / Double(max(1, baseFrames)) + 1 / Double(max(1, newFrames)))
        if variance > 0 {
            z = (newRate - baseRate) / variance.squareRoot()
            pValue = Numerics.normalUpperTail(z)
        } else {
            z = 0
            pValue = 1
        }
        regression = newRate - baseRate > options.missRateThreshold && pValue < options.alpha
    }
}

/// The whole verdict of `xrperf compare`.
public struct Comparison: Sendable, Equatable, Codable {
    public var options: ComparisonOptions
    public var metrics: [MetricComparison]
    public var missRate: MissRateComparison
    /// Metrics measured in only one of the two (e.g. no GPU time in one).
    public var unmatched: [String]
    public var regression: Bool
    /// One line per regression found.
    public var reasons: [String]

    public init(base: [FrameRecord], new: [FrameRecord], options: ComparisonOptions = .init()) {
        self.options = options
        let extractors: [(String, Bool, (FrameRecord) -> Int64?)] = [
            ("interval", true, { $0.frameIntervalNs }), ("app_cpu", true, { $0.appCpuNs }),
            ("sim_cpu", false, { $0.simCpuNs }), ("render_cpu", false, { $0.renderCpuNs }),
            ("app_gpu", true, { $0.appGpuNs }),
        ]
        var metrics: [MetricComparison] = []
        var unmatched: [String] = []
        for (name, decides, value) in extractors {
            let b = base.compactMap(value).map { Double($0) / 1e6 }
            let n = new.compactMap(value).map { Double($0) / 1e6 }
            if b.isEmpty || n.isEmpty {
                if !(b.isEmpty && n.isEmpty) { unmatched.append(name) }
                continue
            }
            var metric = MetricComparison(metric: name, base: b, new: n, options: options)
            metric.decides = decides
            metrics.append(metric)
        }
        self.metrics = metrics
        self.unmatched = unmatched
        missRate = MissRateComparison(baseLate: base.filter(\.isLate).count, baseFrames: base.count,
                                      newLate: new.filter(\.isLate).count, newFrames: new.count, options: options)
        var reasons: [String] = []
        for metric in metrics where metric.decides {
            if metric.medianRegression {
                reasons.append("\(metric.metric) p50 +\(NumberText.percent(metric.p50Change)) (\(NumberText.fixed(metric.baseP50, places: 2)) -> \(NumberText.fixed(metric.newP50, places: 2)) ms), 95% CI of the increase \(NumberText.fixed(metric.p50Difference.lower, places: 2))...\(NumberText.fixed(metric.p50Difference.upper, places: 2)) ms, Mann-Whitney p = \(Self.pText(metric.mannWhitney.pValue))")
            }
            if metric.tailRegression {
                reasons.append("\(metric.metric) p99 +\(NumberText.percent(metric.p99Change)) (\(NumberText.fixed(metric.baseP99, places: 2)) -> \(NumberText.fixed(metric.newP99, places: 2)) ms), 95% CI of the increase \(NumberText.fixed(metric.p99Difference.lower, places: 2))...\(NumberText.fixed(metric.p99Difference.upper, places: 2)) ms")
            }
        }
        if missRate.regression {
            reasons.append("miss rate \(NumberText.percent(missRate.baseRate)) -> \(NumberText.percent(missRate.newRate)), p = \(Self.pText(missRate.pValue))")
        }
        self.reasons = reasons
        regression = !reasons.isEmpty
    }

    /// p-values as text: "< 0.0001" below that, else four decimals.
    public static func pText(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : NumberText.fixed(p, places: 4)
    }
}
