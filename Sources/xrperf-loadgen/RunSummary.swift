import Foundation

/// What a run did, printed as the one line at exit.
struct RunSummary {
    var frames: UInt64 = 0
    /// Frames that drew (the runtime may say not to render, e.g. before it shows the app).
    var renderedFrames: UInt64 = 0
    var renderedPixels: UInt64 = 0
    var firstFrameStartNs: UInt64?
    var lastFrameEndNs: UInt64 = 0

    var seconds: Double {
        guard let firstFrameStartNs, lastFrameEndNs > firstFrameStartNs else { return 0 }
        return Double(lastFrameEndNs - firstFrameStartNs) / 1e9
    }

    var meanFps: Double { seconds > 0 ? Double(frames) / seconds : 0 }

    var pixelsPerFrame: UInt64 { renderedFrames > 0 ? renderedPixels / renderedFrames : 0 }

    var line: String {
        "xrperf-loadgen: frames=\(frames) rendered=\(renderedFrames) seconds=\(String(format: "%.3f", seconds)) fps=\(String(format: "%.1f", meanFps)) "
            + "pixels_per_frame=\(pixelsPerFrame)"
    }
}
