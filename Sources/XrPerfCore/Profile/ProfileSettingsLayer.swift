/// The values one `settings` object (or one table entry, or the environment)
/// sets, in the order written. Keys it does not set come from lower layers.
public struct ProfileSettingsLayer: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: ProfileKey
        public var value: ProfileValue

        public init(_ key: ProfileKey, _ value: ProfileValue) {
            self.key = key
            self.value = value
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(key: ProfileKey) -> ProfileValue? {
        entries.last(where: { $0.key == key })?.value
    }

    /// Sets (or replaces) one value.
    public mutating func set(_ key: ProfileKey, _ value: ProfileValue) {
        entries.removeAll { $0.key == key }
        entries.append(Entry(key, value))
    }
}
