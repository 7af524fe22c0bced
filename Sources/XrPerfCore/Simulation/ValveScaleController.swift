/// Baseline `valve`: Valve's adaptive quality (Vlachos, GDC 2016; the same
/// rules ship in The Lab renderer) as BENCHMARK-PROTOCOL.md describes it:
/// - discrete levels 15 % of fill rate apart: scale_{i+1} = scale_i / sqrt(1.15)
///   from the top of the range down, the bottom of the range as last level;
/// - GPU utilisation thresholds 70 %, 85 %, 90 % of the period;
/// - down 2 levels when the newest frame is over 90 %, or the last 3 are, or
///   the newest is over 85 % and its linear extrapolation (slope from the last
///   two frames, or half the change over the last three if steeper) is over 90 %;
/// - up 1 level when the last 6 frames are all under 70 % (12 when the
///   previous change was a decrease: coming back up wants more evidence);
/// - cool-downs: a decrease needs 10 frames since the last change, an
///   increase 30.
/// The two frame counts of the description (6/12) and which change a
/// cool-down counts from are choices made here; The Lab uses shorter waits.
public struct ValveScaleController: ScaleController {
    public let name = "valve"
    let periodMs: Double
    private var levels: [Double] = []
    private var level = 0
    private var recent: [Double] = []
    private var framesSinceChange = 1_000
    private var lastChangeWasDecrease = false

    public init(periodMs: Double, range: ClosedRange<Double>) {
        self.periodMs = periodMs
        var scale = range.upperBound
        while scale > range.lowerBound + 1e-9 {
            levels.append(scale)
            scale /= 1.15.squareRoot()
        }
        levels.append(range.lowerBound)
    }

    public mutating func observe(frame: Int, scale: Double, gpuMs: Double, cpuMs: Double?) {
        guard gpuMs.isFinite, gpuMs > 0 else { return }
        if recent.count == 12 { recent.removeFirst() }
        recent.append(gpuMs / periodMs)
    }

    public mutating func scale(forFrame frame: Int) -> Double {
        framesSinceChange += 1
        guard let last = recent.last else { return levels[level] }
        let n = recent.count
        let previous = n >= 2 ? recent[n - 2] : last
        let third = n >= 3 ? recent[n - 3] : previous
        let lastThreeOver90 = n >= 3 && last > 0.9 && previous > 0.9 && third > 0.9
        let slope = max(last - previous, (last - third) * 0.5)
        let extrapolatedOver90 = last > 0.85 && last + slope > 0.9
        if framesSinceChange >= 10, last > 0.9 || lastThreeOver90 || extrapolatedOver90 {
            change(to: level + 2, decrease: true)
        } else {
            let needed = lastChangeWasDecrease ? 12 : 6
            if framesSinceChange >= 30, n >= needed, recent.suffix(needed).allSatisfy({ $0 < 0.7 }) {
                change(to: level - 1, decrease: false)
            }
        }
        return levels[level]
    }

    private mutating func change(to newLevel: Int, decrease: Bool) {
        let clamped = min(max(newLevel, 0), levels.count - 1)
        guard clamped != level else { return }
        level = clamped
        framesSinceChange = 0
        lastChangeWasDecrease = decrease
    }
}
