/// Every setting's value for one platform, with where each came from.
public struct ResolvedProfile: Sendable, Equatable {
    public struct Setting: Sendable, Equatable {
        public var key: ProfileKey
        public var value: ProfileValue
        public var source: ProfileValueSource
    }

    /// One per `ProfileKey`, in `allCases` order.
    public private(set) var settings: [Setting]
    /// The layers that applied, lowest first (`platform table wivrn`, `profile apps[0]`...).
    public var applied: [String] = []
    /// Problems that did not stop resolution (a bad environment value, a
    /// render scale range upside down across layers).
    public var warnings: [String] = []

    /// Built-in defaults only.
    public init() {
        settings = ProfileKey.allCases.map { Setting(key: $0, value: $0.defaultValue, source: .builtInDefault) }
    }

    public subscript(key: ProfileKey) -> Setting {
        settings[key.ordinal]
    }

    mutating func set(_ key: ProfileKey, _ value: ProfileValue, from source: ProfileValueSource) {
        settings[key.ordinal] = Setting(key: key, value: value, source: source)
    }

    /// Applies one layer: its preset's bundle first, then its own keys, so
    /// `{"preset": "quality", "upscale": {"sharpness": 0}}` means what it says.
    mutating func apply(_ layer: ProfileSettingsLayer, from source: ProfileValueSource) {
        guard !layer.isEmpty else { return }
        applied.append(source.description)
        if let name = layer[.preset]?.textValue, let preset = ProfilePreset(rawValue: name) {
            for (key, value) in preset.values {
                set(key, value, from: .preset(preset, via: source))
            }
        }
        for entry in layer.entries {
            set(entry.key, entry.value, from: source)
        }
    }

    public var typed: ProfileSettings { ProfileSettings(self) }
}
