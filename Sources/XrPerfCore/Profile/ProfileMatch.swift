/// A rule's conditions: all must hold (an empty match holds everywhere).
public struct ProfileMatch: Sendable, Equatable {
    public struct Condition: Sendable, Equatable {
        public var key: ProfileMatchKey
        public var pattern: String

        public init(_ key: ProfileMatchKey, _ pattern: String) {
            self.key = key
            self.pattern = pattern
        }
    }

    public var conditions: [Condition]

    public init(_ conditions: [Condition] = []) {
        self.conditions = conditions
    }

    public func matches(_ facts: PlatformFacts) -> Bool {
        conditions.allSatisfy { ProfileGlob.matches($0.pattern, facts.value(of: $0.key)) }
    }

    /// `runtime=*wivrn* gpuVendor=amd`, for logs and the CLI.
    public var description: String {
        conditions.isEmpty ? "(everything)" : conditions.map { "\($0.key.rawValue)=\($0.pattern)" }.joined(separator: " ")
    }
}
