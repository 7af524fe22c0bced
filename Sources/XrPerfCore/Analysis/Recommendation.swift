/// A concrete suggestion derived from a window's numbers. Every rule is in
/// `Recommendation.make` and documented in docs/telemetry.md.
public struct Recommendation: Sendable, Equatable, Codable {
    /// Stable identifier for scripts: `lower-render-scale`, `raise-render-scale`,
    /// `halve-frame-rate`, `cpu-bound`, `runtime-bound`, `no-gpu-timing`,
    /// `short-recording`, `uneven-pacing`, `dropped-frames`, `last-setting`.
    public var id: String
    public var message: String

    /// GPU time is treated as proportional to pixels, i.e. to render scale².
    /// Scale suggestions aim for this fraction of the budget at p90.
    public static let targetLoad = 0.85
    /// Below this the app has room to spare: suggest raising quality.
    public static let comfortableLoad = 0.60
    public static let minimumScale = 0.5
    public static let maximumScale = 2.0
    /// Fewer frames than this: numbers are not reliable.
    public static let minimumFrames = 300

    /// The render scale that brings p90 app GPU time from `load` (fraction of
    /// the budget) to `targetLoad`, assuming cost ∝ scale²; clamped to 0.5...2.
    public static func suggestedScale(current: Double, load: Double) -> Double {
        guard load > 0 else { return current }
        let scale = current * (targetLoad / load).squareRoot()
        return min(maximumScale, max(minimumScale, scale))
    }

    public static func make(statistics s: FrameStatistics, knobs: KnobUsage, droppedFrames: UInt64 = 0)
        -> [Recommendation] {
        var out: [Recommendation] = []
        let scale = knobs.current?.renderScale ?? 1
        let divisor = knobs.current?.frameDivisor ?? 1
        let budget = s.frameBudgetMs ?? 0
        let percentOfBudget = { (ms: Double) in NumberText.fixed(ms / budget * 100, places: 0) + "%" }
        let misses = "\(NumberText.percent(s.missRate)) of frames late"

        if s.frames < minimumFrames {
            out.append(.init(id: "short-recording",
                             message: "Only \(s.frames) frames: record at least \(minimumFrames) (a few seconds) for reliable percentiles."))
        }
        if droppedFrames > 0 || s.missingFrames > 0 {
            let lost = max(droppedFrames, s.missingFrames)
            out.append(.init(id: "dropped-frames",
                             message: "\(lost) frames are missing from the data (the reader fell behind the ring): statistics cover the rest."))
        }
        if s.gpuMeasuredFrames == 0 {
            out.append(.init(id: "no-gpu-timing",
                             message: "No app GPU time was measured (not Vulkan, or timestamps unavailable): GPU-bound frames cannot be told from runtime-bound ones."))
        }
        guard budget > 0 else { return out }

        switch s.bottleneck {
        case .gpu:
            let load = (s.appGpu?.p90 ?? 0) / budget
            let suggested = suggestedScale(current: scale, load: load)
            if suggested > minimumScale {
                out.append(.init(id: "lower-render-scale",
                                 message: "GPU-bound: p90 app GPU time is \(percentOfBudget(s.appGpu?.p90 ?? 0)) of the \(NumberText.milliseconds(budget)) frame budget (\(misses)). Lower render scale from \(NumberText.fixed(scale, places: 2)) to ~\(NumberText.fixed(suggested, places: 2)) to bring it to \(NumberText.fixed(targetLoad * 100, places: 0))%."))
            } else {
                out.append(.init(id: "halve-frame-rate",
                                 message: "GPU-bound far beyond the budget: p90 app GPU time is \(percentOfBudget(s.appGpu?.p90 ?? 0)) of \(NumberText.milliseconds(budget)); even render scale \(NumberText.fixed(minimumScale, places: 2)) would not fit. Use frame divisor \(divisor * 2) (half rate with reprojection) or lower the app's graphics settings."))
            }
        case .cpu:
            let cpu = s.appCpu?.p90 ?? 0
            if cpu > budget {
                out.append(.init(id: "halve-frame-rate",
                                 message: "CPU-bound: p90 app CPU time \(NumberText.milliseconds(cpu)) exceeds the \(NumberText.milliseconds(budget)) budget. Render scale will not help; use frame divisor \(divisor * 2) or lower the app's CPU-heavy settings (view distance, physics, draw calls)."))
            } else {
                out.append(.init(id: "cpu-bound",
                                 message: "CPU-bound: p90 app CPU time is \(percentOfBudget(cpu)) of the \(NumberText.milliseconds(budget)) budget (\(misses)). Render scale will not help; lower the app's CPU-heavy settings, or use frame divisor \(divisor * 2) if misses persist."))
            }
        case .runtime:
            out.append(.init(id: "runtime-bound",
                             message: "Runtime-bound: \(misses) although app CPU and GPU leave at least 0.5 ms of the \(NumberText.milliseconds(budget)) budget. Look at the compositor and runtime (GPU contention, reprojection, other GPU work); lowering the app's quality will not help much."))
        case .none:
            if let gpu = s.appGpu, gpu.p90 / budget < comfortableLoad, s.missRate < FrameStatistics.lateWindowMissRate {
                let suggested = suggestedScale(current: scale, load: gpu.p90 / budget)
                if suggested > scale + 0.05 {
                    out.append(.init(id: "raise-render-scale",
                                     message: "Headroom: p90 app GPU time is only \(percentOfBudget(gpu.p90)) of the \(NumberText.milliseconds(budget)) budget and p90 app CPU time \(percentOfBudget(s.appCpu?.p90 ?? 0)). Render scale can go from \(NumberText.fixed(scale, places: 2)) to ~\(NumberText.fixed(suggested, places: 2)) for a sharper image."))
                }
            }
        case .unknown:
            break
        }
        if let smoothness = s.smoothness, smoothness < 0.9, s.missRate < 0.05, s.frames >= 10 {
            out.append(.init(id: "uneven-pacing",
                             message: "Uneven pacing: only \(NumberText.percent(smoothness)) of frame intervals are within 10% of the \(NumberText.milliseconds(budget)) budget though few frames are late; check for CPU frequency scaling or background load."))
        }
        return out
    }
}
