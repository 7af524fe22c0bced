/// Protocol 4 of the benchmark: a recording of an app whose GPU load steps
/// over the frame budget and back, read for how the controller coped.
/// Frame indices are the recording's `frame` numbers; `up` and `down` are the
/// first frames of the heavy and of the light load.
public struct ClosedLoopMetrics: Sendable, Equatable, Codable {
    public struct UpStep: Sendable, Equatable, Codable {
        public var frame: UInt64
        /// The first late frame at or after the step, before the next down
        /// step, if any.
        public var firstMiss: UInt64?
        /// Frames from that miss to the first frame whose app GPU time fits
        /// its budget (display period x divisor) again; nil when none does.
        public var recoveryFrames: Int?
    }

    public struct DownStep: Sendable, Equatable, Codable {
        public var frame: UInt64
        /// Seconds from the step until the render scale is back at the
        /// run's highest scale; nil when it never is.
        public var secondsToFullQuality: Double?
        /// Changes of direction of the render scale between the step and
        /// that moment (or the end): oscillation.
        public var reversals: Int
    }

    public var frames: Int
    public var lateFrames: Int
    public var missRate: Double
    public var meanRenderScale: Double
    public var up: [UpStep]
    public var down: [DownStep]
    /// Median of the up steps' recovery frames.
    public var recoveryFramesMedian: Double?
    /// p99 / p50 of the frame interval over frames at divisor 2 after the
    /// divisor settled (60 frames after it first took effect), when any ran.
    public var halfRatePacing: Double?

    /// Scale steps this small are not a change of direction (protocol 1's
    /// definition of a reversal, kept the same here).
    static let reversalStep: Float = 0.01
    /// Within this of the best scale counts as full quality.
    static let scaleEpsilon: Float = 0.002

    public init(records: [FrameRecord], up upFrames: [UInt64], down downFrames: [UInt64]) {
        let ordered = records.sorted { $0.frameIndex < $1.frameIndex }
        frames = ordered.count
        lateFrames = ordered.filter(\.isLate).count
        missRate = frames > 0 ? Double(lateFrames) / Double(frames) : 0
        meanRenderScale = frames > 0 ? ordered.reduce(0) { $0 + Double($1.knobs.renderScale) } / Double(frames) : 1
        // A miss counts for an up step only while its heavy load lasts (up
        // to the next down step), not any miss later in the run.
        up = upFrames.map { step in
            Self.upStep(at: step, ordered, until: downFrames.filter { $0 > step }.min())
        }
        let best = ordered.map(\.knobs.renderScale).max() ?? 1
        down = downFrames.map { Self.downStep(at: $0, ordered, best: best) }
        recoveryFramesMedian = Self.median(up.compactMap(\.recoveryFrames).map(Double.init))
        halfRatePacing = Self.halfRatePacing(ordered)
    }

    static func fitsBudget(_ frame: FrameRecord) -> Bool {
        guard let gpu = frame.appGpuNs, frame.displayPeriodNs > 0 else { return !frame.isLate }
        return gpu <= frame.displayPeriodNs * Int64(max(frame.knobs.frameDivisor, 1))
    }

    static func upStep(at step: UInt64, _ frames: [FrameRecord], until end: UInt64?) -> UpStep {
        guard let missIndex = frames.firstIndex(where: {
            $0.frameIndex >= step && $0.frameIndex < (end ?? UInt64.max) && $0.isLate
        }) else {
            return UpStep(frame: step, firstMiss: nil, recoveryFrames: nil)
        }
        let miss = frames[missIndex]
        let back = frames[(missIndex + 1)...].first(where: fitsBudget)
        return UpStep(frame: step, firstMiss: miss.frameIndex,
                      recoveryFrames: back.map { Int($0.frameIndex - miss.frameIndex) })
    }

    static func downStep(at step: UInt64, _ frames: [FrameRecord], best: Float) -> DownStep {
        let after = frames.filter { $0.frameIndex >= step }
        guard let first = after.first else { return DownStep(frame: step, secondsToFullQuality: nil, reversals: 0) }
        let full = after.firstIndex { $0.knobs.renderScale >= best - scaleEpsilon }
        let window = full.map { Array(after[...$0]) } ?? after
        let seconds = full.map { Double(after[$0].waitReturnNs - first.waitReturnNs) / 1e9 }
        return DownStep(frame: step, secondsToFullQuality: seconds, reversals: reversals(window.map(\.knobs.renderScale)))
    }

    /// Sign changes of the frame-to-frame scale steps larger than 0.01.
    static func reversals(_ scales: [Float]) -> Int {
        var direction = 0
        var count = 0
        for (previous, scale) in zip(scales, scales.dropFirst()) {
            let change = scale - previous
            guard abs(change) > reversalStep else { continue }
            let sign = change > 0 ? 1 : -1
            if direction != 0, sign != direction { count += 1 }
            direction = sign
        }
        return count
    }

    static func halfRatePacing(_ frames: [FrameRecord]) -> Double? {
        guard let start = frames.firstIndex(where: { $0.knobs.frameDivisor >= 2 }) else { return nil }
        let settled = frames[start...].dropFirst(60).filter { $0.knobs.frameDivisor >= 2 }
        let intervals = settled.compactMap(\.frameIntervalNs).map(Double.init).sorted()
        guard intervals.count >= 30, let p50 = Percentile.of(sorted: intervals, 0.5), p50 > 0,
              let p99 = Percentile.of(sorted: intervals, 0.99) else { return nil }
        return p99 / p50
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
