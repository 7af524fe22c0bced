/// Quantiles of the last `N` finite values: a ring in arrival order beside a
/// copy kept sorted. A push finds its place and the evicted value's place by
/// binary search (O(log N) comparisons) and shifts at most N - 1 slots of
/// inline storage (a few hundred bytes), so it never allocates and costs the
/// same every frame, unlike a P² estimator it is exact over the window and
/// forgets old regimes completely after N frames.
public struct RollingQuantiles<let N: Int>: Sendable {
    private var arrival: InlineArray<N, Double>
    private var sorted: InlineArray<N, Double>
    private var head = 0
    public private(set) var count = 0

    /// The two quantiles kept up to date on every push (the hot path reads
    /// these, never `quantile(_:)`).
    public let trackedQuantiles: (low: Double, high: Double)
    public private(set) var trackedLow = Double.nan
    public private(set) var trackedHigh = Double.nan

    public init(tracking low: Double = 0.01, _ high: Double = 0.99) {
        precondition(N > 0, "a window holds at least one value")
        arrival = InlineArray(repeating: 0)
        sorted = InlineArray(repeating: 0)
        trackedQuantiles = (low, high)
    }

    public var capacity: Int { N }

    @discardableResult
    public mutating func push(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if count == N {
            remove(sortedIndex: firstIndex(notBelow: arrival[head]))
        }
        arrival[head] = value
        head = head + 1 == N ? 0 : head + 1
        insert(value)
        trackedLow = orderStatistic(trackedQuantiles.low)
        trackedHigh = orderStatistic(trackedQuantiles.high)
        return true
    }

    /// `quantile(_:)` from a mutating context. Reading the InlineArray from a
    /// non-mutating method made Swift copy all N elements first (80 % of the
    /// controller's instructions in callgrind); through `inout self` it reads
    /// in place. The same reason makes `firstIndex` mutating.
    private mutating func orderStatistic(_ q: Double) -> Double {
        let position = q * Double(count - 1)
        let low = Int(position)
        let high = min(low + 1, count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }

    /// The `q` quantile (0...1) with linear interpolation between order
    /// statistics; nil while empty. Copies the window: off the hot path.
    public func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let clamped = q.isNaN ? 0.5 : min(max(q, 0), 1)
        let position = clamped * Double(count - 1)
        let low = Int(position)
        let high = min(low + 1, count - 1)
        let fraction = position - Double(low)
        return sorted[low] + (sorted[high] - sorted[low]) * fraction
    }

    public var minimum: Double? { count == 0 ? nil : sorted[0] }
    public var maximum: Double? { count == 0 ? nil : sorted[count - 1] }

    public mutating func removeAll() {
        head = 0
        count = 0
        trackedLow = .nan
        trackedHigh = .nan
    }

    /// First sorted slot whose value is >= `value` (lower bound).
    private mutating func firstIndex(notBelow value: Double) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func remove(sortedIndex index: Int) {
        let moving = count - 1 - index
        if moving > 0 {
            Self.withElements(of: &sorted) { base in (base + index).update(from: base + index + 1, count: moving) }
        }
        count -= 1
    }

    private mutating func insert(_ value: Double) {
        let index = firstIndex(notBelow: value)
        let moving = count - index
        if moving > 0 {
            Self.withElements(of: &sorted) { base in (base + index + 1).update(from: base + index, count: moving) }
        }
        sorted[index] = value
        count += 1
    }

    /// The elements of inline storage as a pointer, for one overlapping move
    /// (memmove) instead of an element-by-element loop with bounds checks:
    /// the shift is most of the cost of a push. InlineArray lays its
    /// elements out contiguously, like a homogeneous tuple.
    private static func withElements(of storage: inout InlineArray<N, Double>, _ body: (UnsafeMutablePointer<Double>) -> Void) {
        withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: Double.self, capacity: N) { body($0) }
        }
    }
}
