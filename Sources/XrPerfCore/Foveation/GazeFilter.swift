/// Turns raw per-frame gaze points (one eye's tangent plane) into the focus
/// centre: a dead zone so fixation jitter does not move the focus view (a
/// moving inset is more visible than a still one), exponential smoothing for
/// small moves, a snap for saccades (the eye lands before the smoothing
/// would), and a hold then a fall back to the fixed centre when the tracker
/// gives nothing valid.
public struct GazeFilter: Sendable, Equatable {
    public struct Settings: Sendable, Equatable {
        /// Moves smaller than this (tangent units; 0.017 is about 1 degree
        /// near the axis) are ignored.
        public var deadZone: Double = 0.017
        /// Share of the remaining distance covered each frame.
        public var smoothing: Double = 0.5
        /// Moves larger than this (about 11 degrees) are taken at once.
        public var saccade: Double = 0.2
        /// Frames without a valid sample after which the centre goes back
        /// to the fixed one (about 100 ms at 90 Hz).
        public var staleFrames: Int = 9

        public init() {}
    }

    public let settings: Settings
    public private(set) var centre: TangentPoint?
    public private(set) var framesWithoutSample = 0

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Feeds one frame's sample (nil: invalid or missing) and returns the
    /// centre to use, nil meaning the fixed centre.
    public mutating func update(_ sample: TangentPoint?) -> TangentPoint? {
        guard let sample, sample.x.isFinite, sample.y.isFinite else {
            framesWithoutSample += 1
            if framesWithoutSample > settings.staleFrames { centre = nil }
            return centre
        }
        framesWithoutSample = 0
        guard let current = centre else {
            centre = sample
            return sample
        }
        let dx = sample.x - current.x
        let dy = sample.y - current.y
        let distance = (dx * dx + dy * dy).squareRoot()
        if distance >= settings.saccade {
            centre = sample
        } else if distance > settings.deadZone {
            let share = min(max(settings.smoothing, 0), 1)
            centre = TangentPoint(x: current.x + share * dx, y: current.y + share * dy)
        }
        return centre
    }
}
