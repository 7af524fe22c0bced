/// A session's display refresh rate under XR_FB_display_refresh_rate: the
/// rates the simulated display supports, the one it runs at, and a request
/// that takes effect at the next xrWaitFrame, as a compositor switches modes
/// between frames rather than in the middle of one.
public struct DisplayRefreshRate: Equatable, Sendable {
    /// Ascending, as xrEnumerateDisplayRefreshRatesFB must return them.
    public let supported: [Double]
    /// The runtime's choice: the session's first rate, and what 0.0 asks for.
    public let defaultRate: Double
    public private(set) var current: Double
    public private(set) var pending: Double? = nil

    /// Requests compare with this slack because apps pass back a float they
    /// got from the enumeration, possibly after arithmetic (Monado compares to
    /// two decimals for the same reason).
    public static let matchTolerance = 0.01

    public init(supported: [Double], defaultRate: Double) {
        self.supported = supported.sorted()
        self.defaultRate = defaultRate
        current = defaultRate
    }

    /// xrRequestDisplayRefreshRateFB: 0 means no preference, i.e. the default.
    public mutating func request(_ rate: Float) throws(XrSimError) {
        if rate == 0 {
            pending = defaultRate
            return
        }
        guard let match = supported.first(where: { abs($0 - Double(rate)) < Self.matchTolerance }) else {
            throw .displayRefreshRateUnsupported
        }
        pending = match
    }

    /// At xrWaitFrame: switches to the requested rate. Returns the change when
    /// the rate actually differs, which is when the spec's event is due.
    public mutating func applyPending() -> RefreshRateChange? {
        guard let next = pending else { return nil }
        pending = nil
        guard next != current else { return nil }
        defer { current = next }
        return RefreshRateChange(from: current, to: next)
    }
}

/// One switch of the display refresh rate, in Hz.
public struct RefreshRateChange: Equatable, Sendable {
    public let from: Double
    public let to: Double

    public init(from: Double, to: Double) {
        self.from = from
        self.to = to
    }
}
