/// Whether the loader loads an implicit layer in a given environment.
///
/// The loader's rule: with an `enable_environment`, the layer loads only if
/// that variable is *set* (any value, even empty or "0"); the
/// `disable_environment` variable, when set (any value), wins over everything.
public struct ManifestImplicitLayerState: Sendable, Codable, Equatable {
    public var enableEnvironment: String?
    public var disableEnvironment: String
    public var enableIsSet: Bool
    public var disableIsSet: Bool
    public var enabled: Bool

    public init(enableEnvironment: String?, disableEnvironment: String, environment: [String: String]) {
        self.enableEnvironment = enableEnvironment
        self.disableEnvironment = disableEnvironment
        enableIsSet = enableEnvironment.map { environment[$0] != nil } ?? false
        disableIsSet = environment[disableEnvironment] != nil
        enabled = (enableEnvironment == nil || enableIsSet) && !disableIsSet
    }

    /// One line for people: why it is on or off.
    public var explanation: String {
        if disableIsSet {
            return "off: \(disableEnvironment) is set"
        }
        guard let enable = enableEnvironment else {
            return "on: no enable variable; set \(disableEnvironment) to turn it off"
        }
        return enableIsSet
            ? "on: \(enable) is set"
            : "off: \(enable) is not set"
    }
}
