import COpenXR
import XrPerfCore

/// The render scale of an instance: resolved from the profile the first time
/// it is needed (the first view-size query, or session start when the app
/// never asked), then kept, so every answer and the session's swapchain
/// decisions agree however often the engine polls.
func latchedRenderScale(_ instance: InstanceState, recommended: (width: UInt32, height: UInt32),
                        settings: () -> ProfileSettings) -> RenderScale {
    instance.renderScale.withLock { latched in
        if let latched { return latched }
        let settings = settings()
        let scale = RenderScale(settings: settings.upscale, recommendedWidth: recommended.width,
                                recommendedHeight: recommended.height)
        latched = scale
        if scale != RenderScale(uniform: 1) { logInfo("render scale \(scale.x) x \(scale.y) for app '\(instance.applicationName)'") }
        return scale
    }
}

/// What is known of the platform before a session exists: no GPU yet.
func instanceFacts(_ instance: InstanceState, systemId: XrSystemId) -> PlatformFacts {
    PlatformFacts(application: instance.applicationName, engine: instance.engineName, runtime: instance.runtimeName,
                  system: systemName(of: instance, systemId: systemId), gpuVendor: nil, gpuName: "")
}

/// Scales the recommended sizes in place; maxima stay the runtime's.
func applyRenderScale(_ scale: RenderScale, to views: UnsafeMutablePointer<XrViewConfigurationView>, count: Int) {
    for index in 0..<count {
        views[index].recommendedImageRectWidth = RenderScale.scaled(
            views[index].recommendedImageRectWidth, by: scale.x, limit: views[index].maxImageRectWidth)
        views[index].recommendedImageRectHeight = RenderScale.scaled(
            views[index].recommendedImageRectHeight, by: scale.y, limit: views[index].maxImageRectHeight)
    }
}
