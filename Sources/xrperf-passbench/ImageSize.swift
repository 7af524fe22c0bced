import ArgumentParser

/// WIDTHxHEIGHT on the command line.
struct ImageSize: ExpressibleByArgument, CustomStringConvertible {
    let width: UInt32
    let height: UInt32

    init(width: UInt32, height: UInt32) {
        self.width = width
        self.height = height
    }

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = UInt32(parts[0]), let height = UInt32(parts[1]),
              (1...16384).contains(width), (1...16384).contains(height) else { return nil }
        self.init(width: width, height: height)
    }

    var description: String { "\(width)x\(height)" }
    var defaultValueDescription: String { description }
}
