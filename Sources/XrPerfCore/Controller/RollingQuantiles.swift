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

    public init() {
        precondition(N > 0, "a window holds at least one value")
        arrival = InlineArray(repeating: 0)
        sorted = InlineArray(repeating: 0)
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
        return true
    }

    /// The `q` quantile (0...1) with linear interpolation between order
    /// statistics; nil while empty.
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
    }

    /// First sorted slot whose value is >= `value` (lower bound).
    private func firstIndex(notBelow value: Double) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func remove(sortedIndex index: Int) {
        var i = index
        while i < count - 1 {
            sorted[i] = sorted[i + 1]
            i += 1
        }
        count -= 1
    }

    private mutating func insert(_ value: Double) {
        let index = firstIndex(notBelow: value)
        var i = count
        while i > index {
            sorted[i] = sorted[i - 1]
            i -= 1
        }
        sorted[index] = value
        count += 1
    }
}
