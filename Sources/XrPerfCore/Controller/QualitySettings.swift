/// The knob settings one frame is rendered with. Level 0 is the best quality
/// of each discrete knob; higher levels are cheaper.
public struct QualitySettings: Sendable, Equatable {
    /// Per-axis render scale (1 = the runtime's recommended resolution).
    public var renderScale: Double
    /// 1 = every display refresh, 2 = every other one (half rate).
    public var frameDivisor: Int
    /// Foveation level (0 = none).
    public var foveationLevel: Int
    /// Quality level of the layer's own passes (0 = best).
    public var passQualityLevel: Int

    public init(renderScale: Double = 1, frameDivisor: Int = 1, foveationLevel: Int = 0, passQualityLevel: Int = 0) {
        self.renderScale = renderScale
        self.frameDivisor = frameDivisor
        self.foveationLevel = foveationLevel
        self.passQualityLevel = passQualityLevel
    }

    public static let best = QualitySettings()
}
