import ArgumentParser

/// What the compute pass draws (Shaders/LoadPattern.comp defines each one
/// exactly). All but `bar` are still: the same bytes every frame, for any load,
/// so pixel tests can compare one dumped frame of two runs. `flat` tells view
/// roles apart (peripheral or focus) rather than pixels, so a test can find
/// where a quad-views focus view lands in a composed image.
enum TestPattern: String, CaseIterable, ExpressibleByArgument {
    case gradient
    case checkerboard
    case bar
    case fineCheckerboard = "fine-checkerboard"
    case text
    case flat

    /// The shader's pattern number.
    var shaderValue: UInt32 {
        switch self {
        case .gradient: 0
        case .checkerboard: 1
        case .bar: 2
        case .fineCheckerboard: 3
        case .text: 4
        case .flat: 5
        }
    }
}
