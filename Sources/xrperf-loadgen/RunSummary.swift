import Foundation

/// What a run did, printed at exit: one line per eye describing its target,
/// then the frame counts as the last line.
struct RunSummary {
    var frames: UInt64 = 0
    /// Frames that drew (the runtime may say not to render, e.g. before it shows the app).
    var renderedFrames: UInt64 = 0
    var renderedPixels: UInt64 = 0
    /// --dynamic-resolution: the rendered width over the full width, summed
    /// over rendered frames.
    var scaleSum = 0.0
    var dynamicResolution = false
    /// --performance-settings: the notifications received, in order.
    var performanceSettings = false
    var performanceNotifications: [PerformanceNotification] = []
    var firstFrameStartNs: UInt64?
    var lastFrameEndNs: UInt64 = 0
    /// RenderTargets.eyeLines, fixed at setup.
    var eyeLines: [String] = []

    var seconds: Double {
        guard let firstFrameStartNs, lastFrameEndNs > firstFrameStartNs else { return 0 }
        return Double(lastFrameEndNs - firstFrameStartNs) / 1e9
    }

    var meanFps: Double { seconds > 0 ? Double(frames) / seconds : 0 }

    var pixelsPerFrame: UInt64 { renderedFrames > 0 ? renderedPixels / renderedFrames : 0 }

    var line: String {
        "xrperf-loadgen: frames=\(frames) rendered=\(renderedFrames) seconds=\(String(format: "%.3f", seconds)) fps=\(String(format: "%.1f", meanFps)) "
            + "pixels_per_frame=\(pixelsPerFrame)"
            + (dynamicResolution ? " mean_render_scale=\(String(format: "%.3f", renderedFrames > 0 ? scaleSum / Double(renderedFrames) : 1))" : "")
    }

    /// Everything printed at exit; the frame line stays last so that readers
    /// of earlier versions, which took the last line, still find it.
    var lines: [String] {
        let notifications = performanceSettings
            ? ["xrperf-loadgen: performance_notifications=\(performanceNotifications.count)"
               + performanceNotifications.map { " \($0)" }.joined()]
            : []
        return eyeLines.map { "xrperf-loadgen: \($0)" } + notifications + [line]
    }
}
