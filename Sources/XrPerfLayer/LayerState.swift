import COpenXR
import Synchronization
import XrPerfCore

/// What the layer keeps per XrInstance. The loader may create many instances
/// in one process, each with its own chain below, so nothing here is global.
final class InstanceState: Sendable {
    let handle: UInt
    let next: NextDispatch
    let applicationName: String
    let engineName: String
    let runtimeName: String
    /// The render scale, latched the first time the app asks for view sizes
    /// (or at session start): engines size their swapchains from that answer.
    let renderScale = Mutex<RenderScale?>(nil)
    /// The profile as far as it is known once the headset is (no GPU before
    /// a session): resolved the first time it is needed, then kept, so the
    /// view sizes and the quad views the app is offered agree.
    private let systemSettings = Mutex<ProfileSettings?>(nil)

    /// Extensions of the layer's own that the app enabled.
    let layerExtensions: Set<String>
    /// XR_EXT_performance_settings is the runtime's too (calls go down).
    let performanceSettingsNative: Bool
    /// Events the layer's sessions wait to hand the app in xrPollEvent.
    let pendingLayerEvents = Atomic<Int>(0)
    /// XR_FB_display_refresh_rate on the runtime's instance, and who asked.
    enum RefreshRateExtension: Sendable { case off, enabledByApp, enabledByLayer }
    let refreshRate: RefreshRateExtension
    /// Set when the layer emulates XR_VARJO_quad_views for this instance.
    let foveation: InstanceFoveation?

    init(handle: UInt, next: NextDispatch, applicationName: String, engineName: String, runtimeName: String,
         layerExtensions: Set<String> = [], performanceSettingsNative: Bool = false,
         refreshRate: RefreshRateExtension = .off, foveation: InstanceFoveation? = nil) {
        self.refreshRate = refreshRate
        self.foveation = foveation
        self.layerExtensions = layerExtensions
        self.performanceSettingsNative = performanceSettingsNative
        self.handle = handle
        self.next = next
        self.applicationName = applicationName
        self.engineName = engineName
        self.runtimeName = runtimeName
    }

    /// The profile's settings for this instance's system (resolved once).
    func settings(systemId: XrSystemId) -> ProfileSettings {
        systemSettings.withLock { latched in
            if let latched { return latched }
            let settings = SessionProfile.resolve(facts: instanceFacts(self, systemId: systemId), quiet: true).settings
            latched = settings
            return settings
        }
    }
}

/// What the layer keeps per XrSession.
final class SessionState: Sendable {
    let handle: UInt
    let instance: InstanceState
    let telemetry: SessionTelemetry
    let throttle: SessionThrottle
    /// What the profile was resolved for, to resolve it again on reload.
    let facts: PlatformFacts
    /// nil when the session renders at full scale (or cannot upscale).
    let upscale: SessionUpscale?
    /// nil when the session does not adapt (controller off, or no knob it
    /// may turn).
    let controller: SessionController?
    /// The refresh rate as a knob, when the runtime has the extension and
    /// the profile allows it.
    let refreshRate: RefreshRateControl?
    /// Quad views emulated by the layer: nil when the instance does not.
    let foveation: SessionFoveation?
    /// What rewrites the frame in xrEndFrame.
    let composer: FrameComposer

    init(handle: UInt, instance: InstanceState, telemetry: SessionTelemetry, throttle: SessionThrottle,
         facts: PlatformFacts, upscale: SessionUpscale?, controller: SessionController? = nil,
         refreshRate: RefreshRateControl? = nil, foveation: SessionFoveation? = nil) {
        self.controller = controller
        self.foveation = foveation
        self.refreshRate = refreshRate
        self.handle = handle
        self.instance = instance
        self.telemetry = telemetry
        self.throttle = throttle
        self.facts = facts
        self.upscale = upscale
        composer = FrameComposer(next: instance.next, upscale: upscale, foveation: foveation)
    }
}

/// What the layer keeps per XrSwapchain: the way down and, when the layer
/// upscales it, the images it hands the app instead of the runtime's.
final class SwapchainState: Sendable {
    let handle: UInt
    let session: SessionState
    let substitution: SubstitutedSwapchain?

    init(handle: UInt, session: SessionState, substitution: SubstitutedSwapchain? = nil) {
        self.handle = handle
        self.session = session
        self.substitution = substitution
    }
}

/// Handle tables of every live object the layer knows, across all instances.
enum Registry {
    static let instances = HandleRegistry<InstanceState>(reserving: 8)
    static let sessions = HandleRegistry<SessionState>(reserving: 8)
    static let swapchains = HandleRegistry<SwapchainState>(reserving: 32)
}
