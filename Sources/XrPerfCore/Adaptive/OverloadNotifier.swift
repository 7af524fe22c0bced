/// When to tell an app, through XR_EXT_performance_settings notifications,
/// that a domain (CPU or GPU) is overloaded: the controller's forecast at
/// the settings it chose still exceeds its target, frame after frame. With
/// hysteresis, so a notification means a state and never flaps: warning
/// after half a second over, impaired after three seconds, back to normal
/// after a second clearly under (90% of the target).
public struct OverloadNotifier: Sendable, Equatable {
    /// XrPerfSettingsNotificationLevelEXT values.
    public enum Level: UInt32, Sendable, Equatable {
        case normal = 0
        case warning = 25
        case impaired = 75
    }

    public struct Transition: Sendable, Equatable {
        public var from: Level
        public var to: Level
    }

    public static let warningAfter = 45
    public static let impairedAfter = 270
    public static let normalAfter = 90
    public static let clearShare = 0.9

    public private(set) var level = Level.normal
    private var over = 0
    private var under = 0

    public init() {}

    /// One decision: the forecast at the chosen settings and the target
    /// (ms). Returns the change of level it causes, if any.
    public mutating func decided(forecastMs: Double, targetMs: Double) -> Transition? {
        guard forecastMs.isFinite, targetMs.isFinite, targetMs > 0 else { return nil }
        if forecastMs > targetMs {
            over += 1
            under = 0
        } else {
            over = 0
            under = forecastMs <= targetMs * Self.clearShare ? under + 1 : 0
        }
        let next: Level
        switch level {
        case .normal: next = over >= Self.warningAfter ? .warning : .normal
        case .warning: next = over >= Self.impairedAfter ? .impaired : (under >= Self.normalAfter ? .normal : .warning)
        case .impaired: next = under >= Self.normalAfter ? .normal : .impaired
        }
        guard next != level else { return nil }
        let transition = Transition(from: level, to: next)
        level = next
        if next == .normal { under = 0 }
        return transition
    }
}
