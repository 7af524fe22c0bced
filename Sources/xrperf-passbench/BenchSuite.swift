import ArgumentParser

/// What `--case` measures: the upscaling pass alone, or the quad-views
/// composite of an eye (the periphery upscaled, the focus view inset over it).
enum BenchSuite: String, CaseIterable, ExpressibleByArgument, Encodable {
    case upscale
    case inset
}
