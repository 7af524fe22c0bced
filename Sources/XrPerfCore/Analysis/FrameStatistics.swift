/// Everything `status`, `top` and `report` say about a run of frames.
/// Durations in milliseconds; see docs/telemetry.md ("Reading telemetry") for
/// how each number is computed.
public struct FrameStatistics: Sendable, Equatable, Codable {
    /// Frames analysed.
    public var frames: Int
    public var firstFrame: UInt64
    public var lastFrame: UInt64
    /// Frame indices between the first and last frame that are not in the input
    /// (dropped by a lapped reader, or frames whose xrEndFrame failed).
    public var missingFrames: UInt64
    /// First to last xrWaitFrame return.
    public var durationSeconds: Double
    /// Frames per second over that span: (last index - first index) / duration.
    public var fps: Double?
    /// Median predicted display period.
    public var displayPeriodMs: Double?
    /// Median of display period x frame divisor: the time one frame may take.
    public var frameBudgetMs: Double?
    public var interval: Distribution?
    /// The busiest thread's CPU time per frame.
    public var appCpu: Distribution?
    /// Its parts: the xrWaitFrame (simulation) thread and the xrBeginFrame
    /// to xrEndFrame (render) thread; nil where not recorded.
    public var simCpu: Distribution?
    public var renderCpu: Distribution?
    public var appGpu: Distribution?
    public var layerCpu: Distribution?
    /// The layer's own GPU passes (upscaling), over the frames that ran one.
    public var layerGpu: Distribution?
    /// Frames whose app GPU time is known.
    public var gpuMeasuredFrames: Int
    /// Frames with missedFrames > 0.
    public var lateFrames: Int
    /// Display periods skipped in total.
    public var missedPeriods: UInt64
    /// lateFrames / frames.
    public var missRate: Double
    /// Share of frame intervals within ±10% of the frame budget.
    public var smoothness: Double?
    public var headroom: Headroom
    /// The window's verdict: the rule of `Bottleneck` applied to the p90 app
    /// CPU and GPU times, the frame budget, and late = miss rate >= 1%.
    public var bottleneck: Bottleneck
    /// The rule applied to each frame on its own.
    public var bottleneckShares: [BottleneckShare]

    /// 1 - time / frame budget for the p90 app CPU and GPU times; `frame` is the
    /// smaller of the two. Negative when the work does not fit.
    public struct Headroom: Sendable, Equatable, Codable {
        public var cpu: Double?
        public var gpu: Double?
        public var frame: Double?
    }

    /// Tolerance of `smoothness`.
    public static let smoothTolerance = 0.10
    /// Miss rate from which a window counts as late for its verdict.
    public static let lateWindowMissRate = 0.01

    /// nil when there are no frames.
    public init?(frames records: [FrameRecord]) {
        guard let first = records.first, let last = records.last else { return nil }
        frames = records.count
        firstFrame = first.frameIndex
        lastFrame = last.frameIndex
        // Saturating: frame indices from a file may span all of UInt64.
        let distance = last.frameIndex >= first.frameIndex ? last.frameIndex - first.frameIndex : nil
        let span = distance.map { $0 == .max ? .max : $0 + 1 } ?? UInt64(records.count)
        missingFrames = span > UInt64(records.count) ? span - UInt64(records.count) : 0
        // In Double: timestamps read from a file can be anything, and their
        // difference must not trap.
        let durationNs = Double(last.waitReturnNs) - Double(first.waitReturnNs)
        durationSeconds = max(0, durationNs / 1e9)
        fps = durationNs > 0 && last.frameIndex > first.frameIndex
            ? Double(last.frameIndex - first.frameIndex) / (durationNs / 1e9) : nil

        let periods = records.map(\.displayPeriodNs).filter { $0 > 0 }
        let budgets = records.compactMap { $0.budgetNs }
        let periodNs = Self.median(periods)
        let budgetNs = Self.median(budgets)
        displayPeriodMs = periodNs.map { Double($0) / 1e6 }
        frameBudgetMs = budgetNs.map { Double($0) / 1e6 }

        let intervals = records.compactMap(\.frameIntervalNs)
        interval = Distribution(nanoseconds: intervals)
        appCpu = Distribution(nanoseconds: records.compactMap(\.appCpuNs))
        simCpu = Distribution(nanoseconds: records.compactMap(\.simCpuNs))
        renderCpu = Distribution(nanoseconds: records.compactMap(\.renderCpuNs))
        let gpuTimes = records.compactMap(\.appGpuNs)
        appGpu = Distribution(nanoseconds: gpuTimes)
        layerCpu = Distribution(nanoseconds: records.compactMap(\.layerCpuNs))
        layerGpu = Distribution(nanoseconds: records.compactMap(\.layerGpuNs).filter { $0 > 0 })
        gpuMeasuredFrames = gpuTimes.count

        lateFrames = records.filter(\.isLate).count
        missedPeriods = records.reduce(0) { $0 + UInt64($1.missedFrames) }
        missRate = Double(lateFrames) / Double(records.count)

        if let budgetNs, !intervals.isEmpty {
            let tolerance = Double(budgetNs) * Self.smoothTolerance
            let smooth = intervals.filter { (Double($0) - Double(budgetNs)).magnitude <= tolerance }.count
            smoothness = Double(smooth) / Double(intervals.count)
        } else {
            smoothness = nil
        }

        let budgetMs = frameBudgetMs
        func headroomOf(_ distribution: Distribution?) -> Double? {
            guard let distribution, let budgetMs, budgetMs > 0 else { return nil }
            return 1 - distribution.p90 / budgetMs
        }
        let cpuHeadroom = headroomOf(appCpu)
        let gpuHeadroom = headroomOf(appGpu)
        headroom = Headroom(cpu: cpuHeadroom, gpu: gpuHeadroom,
                            frame: [cpuHeadroom, gpuHeadroom].compactMap { $0 }.min())

        bottleneck = Bottleneck.classify(
            appCpuNs: appCpu.map { Self.nanoseconds(milliseconds: $0.p90) },
            appGpuNs: appGpu.map { Self.nanoseconds(milliseconds: $0.p90) },
            budgetNs: budgetNs ?? 0, late: missRate >= Self.lateWindowMissRate)

        var counts: [Bottleneck: Int] = [:]
        for record in records {
            let verdict = Bottleneck.classify(appCpuNs: record.appCpuNs, appGpuNs: record.appGpuNs,
                                              budgetNs: record.budgetNs ?? 0, late: record.isLate)
            counts[verdict, default: 0] += 1
        }
        bottleneckShares = Bottleneck.allCases.compactMap { verdict in
            guard let count = counts[verdict] else { return nil }
            return BottleneckShare(bottleneck: verdict, frames: count, share: Double(count) / Double(records.count))
        }
    }

    /// Back to whole nanoseconds, clamped: a p90 near Int64.max rounds past it.
    static func nanoseconds(milliseconds: Double) -> Int64 {
        let ns = (milliseconds * 1e6).rounded()
        return ns >= 0x1p63 ? .max : ns < -0x1p63 ? .min : Int64(ns)
    }

    /// The upper median of positive values (a real sample, not a mean of two).
    static func median(_ values: [Int64]) -> Int64? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

extension FrameRecord {
    /// Display period x frame divisor: the time this frame may take; nil when
    /// the period is unknown.
    public var budgetNs: Int64? {
        guard displayPeriodNs > 0 else { return nil }
        // A period past any real one (a corrupt file) is as good as unknown.
        let (budget, overflow) = displayPeriodNs.multipliedReportingOverflow(by: Int64(max(1, knobs.frameDivisor)))
        return overflow ? nil : budget
    }
}
