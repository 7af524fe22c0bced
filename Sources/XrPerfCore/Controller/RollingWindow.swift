/// The last `N` finite values of one timing series and their running sum, in
/// inline storage. Pushing is O(1) and never allocates, so windows can live in
/// the per-frame state of a session (the layer's hot path allows no heap).
public struct RollingWindow<let N: Int>: Sendable {
    private var values: InlineArray<N, Double>
    /// Slot of the next write; the newest value sits just before it.
    private var head = 0
    public private(set) var count = 0
    public private(set) var sum = 0.0

    public init() {
        precondition(N > 0, "a window holds at least one value")
        values = InlineArray(repeating: 0)
    }

    public var capacity: Int { N }
    public var isEmpty: Bool { count == 0 }
    public var mean: Double? { count == 0 ? nil : sum / Double(count) }

    /// Adds `value`; non-finite values are refused (returns false) so one
    /// garbage timing cannot poison the sum for the next N frames.
    @discardableResult
    public mutating func push(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if count == N { sum -= values[head] } else { count += 1 }
        values[head] = value
        sum += value
        head += 1
        if head == N {
            head = 0
            // Once per lap, rebuild the sum: adding and subtracting for hours
            // would otherwise let rounding error drift it. Amortised O(1).
            var exact = 0.0
            let stored = values.span
            for i in 0..<count { exact += stored[i] }
            sum = exact
        }
        return true
    }

    /// The value pushed `age` pushes ago (0 = newest); nil beyond the window.
    public func value(age: Int) -> Double? {
        guard age >= 0, age < count else { return nil }
        var slot = head - 1 - age
        if slot < 0 { slot += N }
        return values.span[slot]
    }

    public mutating func removeAll() {
        head = 0
        count = 0
        sum = 0
    }
}
