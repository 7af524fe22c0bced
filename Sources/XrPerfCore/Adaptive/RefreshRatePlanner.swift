/// When to change the display refresh rate (XR_FB_display_refresh_rate):
/// only for sustained overload, never flapping. Down one rate after the
/// frames have been over budget (or at half rate) for `overloadSeconds`;
/// up one rate after the forecast would have fitted the higher rate with
/// room to spare for `headroomSeconds`; never two changes within
/// `dwellSeconds`. Times are the caller's monotonic nanoseconds.
public struct RefreshRatePlanner: Sendable, Equatable {
    public static let overloadSeconds = 2.0
    public static let headroomSeconds = 4.0
    public static let dwellSeconds = 4.0
    /// Share of the higher rate's target the forecast must stay under.
    public static let upShare = 0.85

    /// The runtime's rates, ascending.
    public let rates: [Float]
    public private(set) var current: Float
    private var overSinceNs: Int64?
    private var roomSinceNs: Int64?
    private var lastChangeNs: Int64?

    public init(rates: [Float], current: Float) {
        self.rates = rates.filter { $0.isFinite && $0 > 0 }.sorted()
        self.current = current
    }

    /// One decision of the controller: its forecast GPU and CPU cost (ms)
    /// at the settings it chose, the headroom it keeps, and whether it chose
    /// half rate. Returns the rate to ask for, if any.
    public mutating func decided(gpuMs: Double, cpuMs: Double, headroom: Double, halfRate: Bool, atNs now: Int64) -> Float? {
        guard rates.count > 1, gpuMs.isFinite, cpuMs.isFinite, let index = nearestIndex() else { return nil }
        let cost = max(gpuMs, cpuMs)
        let target = 1000 / Double(current) * (1 - headroom)
        let overloaded = halfRate || cost > target
        overSinceNs = overloaded ? (overSinceNs ?? now) : nil
        var room = false
        if !halfRate, index + 1 < rates.count {
            let higherTarget = 1000 / Double(rates[index + 1]) * (1 - headroom)
            room = cost <= higherTarget * Self.upShare
        }
        roomSinceNs = room ? (roomSinceNs ?? now) : nil
        if let last = lastChangeNs, Double(now - last) / 1e9 < Self.dwellSeconds { return nil }
        if let since = overSinceNs, Double(now - since) / 1e9 >= Self.overloadSeconds, index > 0 {
            return change(to: rates[index - 1], at: now)
        }
        if let since = roomSinceNs, Double(now - since) / 1e9 >= Self.headroomSeconds, index + 1 < rates.count {
            return change(to: rates[index + 1], at: now)
        }
        return nil
    }

    /// The runtime reports a rate (it may change it by itself).
    public mutating func rateChanged(to rate: Float) {
        current = rate
    }

    private mutating func change(to rate: Float, at now: Int64) -> Float {
        current = rate
        lastChangeNs = now
        overSinceNs = nil
        roomSinceNs = nil
        return rate
    }

    private func nearestIndex() -> Int? {
        rates.indices.min { abs(rates[$0] - current) < abs(rates[$1] - current) }
    }
}
