/// An OpenXR version number (`XrVersion`): major in the top 16 bits, minor in
/// the next 16, patch in the low 32. Kept here, not in C, so negotiation rules
/// are testable without OpenXR headers.
public struct ApiVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let raw: UInt64

    public init(raw: UInt64) { self.raw = raw }

    public init(major: UInt16, minor: UInt16, patch: UInt32) {
        raw = UInt64(major) << 48 | UInt64(minor) << 32 | UInt64(patch)
    }

    public var major: UInt16 { UInt16(truncatingIfNeeded: raw >> 48) }
    public var minor: UInt16 { UInt16(truncatingIfNeeded: raw >> 32) }
    public var patch: UInt32 { UInt32(truncatingIfNeeded: raw) }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: ApiVersion, rhs: ApiVersion) -> Bool { lhs.raw < rhs.raw }
}
