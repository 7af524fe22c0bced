/// Per-frame costs of a recorded or generated run at full quality, in ms.
public struct FrameTrace: Sendable, Equatable {
    /// App GPU time of each frame (all finite and positive).
    public var gpuMs: [Double]
    /// App CPU time of each frame; 0 where unknown.
    public var cpuMs: [Double]
    /// Whether any frame had a CPU time.
    public var hasCPU: Bool
    /// Render scale each frame was measured at (recordings of a layer that
    /// was already scaling); nil when all were at full quality.
    public var renderScale: [Double]?

    /// Frames needed to simulate anything meaningful.
    public static let minimumFrames = 2

    public init(gpuMs: [Double], cpuMs: [Double]? = nil, renderScale: [Double]? = nil) {
        self.gpuMs = gpuMs
        self.renderScale = renderScale?.count == gpuMs.count ? renderScale : nil
        if let cpuMs, cpuMs.count == gpuMs.count {
            self.cpuMs = cpuMs
            hasCPU = true
        } else {
            self.cpuMs = .init(repeating: 0, count: gpuMs.count)
            hasCPU = false
        }
    }

    public var count: Int { gpuMs.count }
}
