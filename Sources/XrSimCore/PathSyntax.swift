/// The longest path string, terminator included (XR_MAX_PATH_LENGTH).
public let maxPathLength = 256

/// A well-formed path string (spec 6.2, "Well-Formed Path Strings"): a leading
/// '/', components of lower-case letters, digits, '-', '_' and '.', no empty
/// or all-period component, no trailing '/', shorter than XR_MAX_PATH_LENGTH.
public func isWellFormedPath(_ path: String) -> Bool {
    let bytes = Array(path.utf8)
    guard bytes.count < maxPathLength, bytes.first == UInt8(ascii: "/") else { return false }
    let components = bytes.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    return components.allSatisfy { isWellFormedComponent(Array($0)) }
}

/// A well-formed action or action set name (spec 11.2/11.3): one path component.
public func isWellFormedName(_ name: String) -> Bool {
    isWellFormedComponent(Array(name.utf8))
}

private func isWellFormedComponent(_ bytes: [UInt8]) -> Bool {
    guard !bytes.isEmpty, !bytes.allSatisfy({ $0 == UInt8(ascii: ".") }) else { return false }
    return bytes.allSatisfy { b in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
}

/// An instance's path atoms: XrPath values start at 1 (0 is XR_NULL_PATH) and
/// the same string always maps to the same atom.
public struct PathTable: Sendable {
    private var strings: [String] = []
    private var atoms: [String: UInt64] = [:]

    public init() {}

    public mutating func atom(for path: String) throws(XrSimError) -> UInt64 {
        guard isWellFormedPath(path) else { throw .pathFormatInvalid }
        if let atom = atoms[path] { return atom }
        strings.append(path)
        let atom = UInt64(strings.count)
        atoms[path] = atom
        return atom
    }

    public func string(for atom: UInt64) -> String? {
        guard atom >= 1, atom <= UInt64(strings.count) else { return nil }
        return strings[Int(atom - 1)]
    }
}
