/// Why the loader looked in a place: the environment variable or compiled-in
/// default that produced it. Doctor output names these so a user knows which
/// variable to change.
public enum OpenXRSearchOrigin: String, Sendable, Codable, CaseIterable {
    /// `XR_RUNTIME_JSON`: a single runtime manifest file, used as-is.
    case runtimeOverride = "XR_RUNTIME_JSON"
    /// `XR_API_LAYER_PATH`: directories replacing the explicit-layer search.
    case apiLayerPathOverride = "XR_API_LAYER_PATH"
    /// `$XDG_CONFIG_HOME`, or `$HOME/.config` when it is unset or empty.
    case xdgConfigHome = "XDG_CONFIG_HOME"
    /// Each entry of `$XDG_CONFIG_DIRS`, or `/etc/xdg` when it is unset or empty.
    case xdgConfigDirs = "XDG_CONFIG_DIRS"
    /// The loader's compiled-in `SYSCONFDIR` (`/etc` for distribution builds).
    case sysconfdir = "SYSCONFDIR"
    /// Each entry of `$XDG_DATA_DIRS`, or `/usr/local/share:/usr/share`.
    case xdgDataDirs = "XDG_DATA_DIRS"
    /// `$XDG_DATA_HOME`, or `$HOME/.local/share` when it is unset or empty.
    case xdgDataHome = "XDG_DATA_HOME"

    /// A short phrase for text output.
    public var summary: String {
        switch self {
        case .runtimeOverride: "XR_RUNTIME_JSON override"
        case .apiLayerPathOverride: "XR_API_LAYER_PATH override"
        case .xdgConfigHome: "XDG_CONFIG_HOME"
        case .xdgConfigDirs: "XDG_CONFIG_DIRS"
        case .sysconfdir: "loader SYSCONFDIR"
        case .xdgDataDirs: "XDG_DATA_DIRS"
        case .xdgDataHome: "XDG_DATA_HOME"
        }
    }
}

/// One place the loader looks: a file (runtime search) or a directory (layer
/// search), with the reason it looks there.
public struct OpenXRSearchLocation: Sendable, Codable, Equatable {
    public var path: String
    public var origin: OpenXRSearchOrigin

    public init(path: String, origin: OpenXRSearchOrigin) {
        self.path = path
        self.origin = origin
    }
}
