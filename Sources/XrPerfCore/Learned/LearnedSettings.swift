/// What was learned for one app on one platform.
public struct LearnedSettings: Sendable, Equatable {
    /// The render scale the next session starts from (0.1...2).
    public var renderScale: Double
    /// The frame divisor the next session starts from (1...4; 2 = every second display period).
    public var frameDivisor: Int
    /// Sessions merged into these values.
    public var sessions: Int
    /// Frames of all those sessions together.
    public var frames: Int
    /// When the last session was merged: CLOCK_REALTIME in nanoseconds, so the
    /// CLI can show a date and eviction can find the least recently used entry.
    public var updatedRealtimeNs: Int64
    /// How many frames of evidence the values stand for, each older session's
    /// frames halved once per later session (LearnedState.record): what a new
    /// session's frames are weighed against. Bounded by twice the longest session.
    public var weight: Int

    /// `weight` defaults to `frames`: settings known from one session.
    public init(
        renderScale: Double, frameDivisor: Int, sessions: Int, frames: Int, updatedRealtimeNs: Int64,
        weight: Int? = nil
    ) {
        self.renderScale = renderScale
        self.frameDivisor = frameDivisor
        self.sessions = sessions
        self.frames = frames
        self.updatedRealtimeNs = updatedRealtimeNs
        self.weight = weight ?? frames
    }
}
