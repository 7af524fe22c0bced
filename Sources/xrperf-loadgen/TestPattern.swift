import ArgumentParser

/// What the compute pass draws (Shaders/LoadPattern.comp), so a dumped or
/// displayed frame shows the app is alive and which eye is which.
enum TestPattern: String, CaseIterable, ExpressibleByArgument {
    case gradient
    case checkerboard
    case bar

    var shaderValue: UInt32 {
        switch self {
        case .gradient: 0
        case .checkerboard: 1
        case .bar: 2
        }
    }
}
