import ArgumentParser

/// What the compute pass draws (Shaders/LoadPattern.comp defines each one
/// exactly). All but `bar` are still: the same bytes every frame, for any load,
/// so pixel tests can compare one dumped frame of two runs.
enum TestPattern: String, CaseIterable, ExpressibleByArgument {
    case gradient
    case checkerboard
    case bar
    case fineCheckerboard = "fine-checkerboard"
    case text

    /// The shader's pattern number.
    var shaderValue: UInt32 {
        switch self {
        case .gradient: 0
        case .checkerboard: 1
        case .bar: 2
        case .fineCheckerboard: 3
        case .text: 4
        }
    }
}
