import ArgumentParser

/// --rect-offset X,Y: where each eye's imageRect starts in its image.
struct RectOffset: ExpressibleByArgument, Equatable {
    /// Keeps offset + rect well inside a 32-bit XrRect2Di and a runtime's largest image.
    static let maximum: Int32 = 16384

    var x: Int32
    var y: Int32

    init(x: Int32, y: Int32) {
        self.x = x
        self.y = y
    }

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let x = Int32(parts[0]), let y = Int32(parts[1]),
              (0...Self.maximum).contains(x), (0...Self.maximum).contains(y) else { return nil }
        self.init(x: x, y: y)
    }

    var defaultValueDescription: String { "\(x),\(y)" }
}
