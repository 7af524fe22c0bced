import Foundation

/// What a run did, printed at exit: one line per view describing its target,
/// then the frame counts as the last line; or all of it as JSON (--json).
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
    /// RenderTargets.viewReports, fixed at setup but for each view's last
    /// located field of view.
    var views: [ViewReport] = []
    /// PRIMARY_STEREO or PRIMARY_QUAD_VARJO.
    var viewConfiguration = "PRIMARY_STEREO"
    var foveatedRendering = FoveatedRendering.State.off
    /// Views submitted in the projection layer (--submit-views, else the configuration's count).
    var submittedViews = 0
    /// --actions: frames whose xrSyncActions succeeded.
    var actions = false
    var actionsSynced: UInt64 = 0

    var isQuad: Bool { viewConfiguration == "PRIMARY_QUAD_VARJO" }

    var seconds: Double {
        guard let firstFrameStartNs, lastFrameEndNs > firstFrameStartNs else { return 0 }
        return Double(lastFrameEndNs - firstFrameStartNs) / 1e9
    }

    var meanFps: Double { seconds > 0 ? Double(frames) / seconds : 0 }

    var pixelsPerFrame: UInt64 { renderedFrames > 0 ? renderedPixels / renderedFrames : 0 }

    var meanRenderScale: Double { renderedFrames > 0 ? scaleSum / Double(renderedFrames) : 1 }

    var line: String {
        "xrperf-loadgen: frames=\(frames) rendered=\(renderedFrames) seconds=\(String(format: "%.3f", seconds)) fps=\(String(format: "%.1f", meanFps)) "
            + "pixels_per_frame=\(pixelsPerFrame)"
            + (dynamicResolution ? " mean_render_scale=\(String(format: "%.3f", meanRenderScale))" : "")
    }

    /// With quad views or --actions (stereo runs without them print what
    /// they always printed): the configuration and what the new options did.
    var sessionLine: String? {
        guard isQuad || actions else { return nil }
        return "xrperf-loadgen: view_configuration=\(viewConfiguration) views=\(views.count) "
            + "submitted_views=\(submittedViews) foveated_rendering=\(foveatedRendering.rawValue)"
            + (actions ? " actions_synced=\(actionsSynced)" : "")
    }

    /// Everything printed at exit; the frame line stays last so that readers
    /// of earlier versions, which took the last line, still find it.
    var lines: [String] {
        let notifications = performanceSettings
            ? ["xrperf-loadgen: performance_notifications=\(performanceNotifications.count)"
               + performanceNotifications.map { " \($0)" }.joined()]
            : []
        return views.map { "xrperf-loadgen: \($0.textLine(quad: isQuad))" } + (sessionLine.map { [$0] } ?? [])
            + notifications + [line]
    }
}
