import COpenXR
import Synchronization
import XrPerfCore
import XrPerfVulkan

/// The quality controller of one session, run in xrWaitFrame before the
/// frame's wait goes down: it reads the frames finished since (each posted
/// once from xrEndFrame, with its app CPU and GPU times and the layer's pass
/// time) and decides the frame about to start: one QualityDecision, which
/// xrWaitFrame stamps on that frame. Threads that act on a knob outside the
/// frame hooks (the META resolution query, the frame composer) read the
/// latest decision under a short lock.
final class SessionController: @unchecked Sendable {
    /// Touched only from xrWaitFrame, which the app serialises per session.
    private var controller: QualityController
    private var nextFrame = 0
    private var observed = 0
    let mailbox = ObservationMailbox()
    /// Whether the render scale is the controller's (the app takes the
    /// layer's XR_META_recommended_layer_resolution answer).
    let drivesRenderScale: Bool
    private let latest: Mutex<QualityDecision>

    /// XR_EXT_performance_settings notifications, when the app enabled the
    /// extension: per domain, and the events waiting for xrPollEvent.
    let notifies: Bool
    private var gpuOverload = OverloadNotifier()
    private var cpuOverload = OverloadNotifier()
    let events = PerformanceEventQueue()
    /// Where to say that events wait (the instance's xrPollEvent looks).
    private let pendingFlag: (@Sendable () -> Void)?

    /// What the session sustained, for the learned settings: a slow average
    /// of the chosen scale and how many frames ran at half rate.
    private var sustainedScale: Double
    private var decisions = 0
    private var halfRateDecisions = 0

    /// The upscaling pass's quality as a knob: level 0 the profile's edge
    /// filter, level 1 bilinear, each weighed with its measured GPU time.
    let passKnob: Bool
    private var passCosts: PassCostEstimate
    /// Bilinear's GPU time as a share of the edge filter's, for the level
    /// not running (protocol 3 on lavapipe: 0.90-1.00x against 2.01-2.47x a
    /// blit); replaced by measurement as soon as that level runs.
    static let bilinearShareOfEdge = 0.45

    init(settings: ProfileSettings, drivesRenderScale: Bool, learnedScale: Double? = nil,
         notifies: Bool = false, passKnob: Bool = false, eventsPending: (@Sendable () -> Void)? = nil) {
        self.notifies = notifies
        self.passKnob = passKnob
        passCosts = PassCostEstimate(levels: passKnob ? 2 : 1, lowerLevelShare: Self.bilinearShareOfEdge,
                                     settlingFrames: UpscaleContext.slotCount + 1)
        pendingFlag = eventsPending
        var configuration = settings.controllerConfiguration
        // The pass's GPU time is part of every frame's: level 0 is the
        // profile's filter, level 1 (with the knob) bilinear.
        configuration.knobs.setPassCosts(milliseconds: passKnob ? [0, 0] : [0])
        if drivesRenderScale, let learnedScale {
            configuration.initialRenderScale = min(max(learnedScale, settings.controller.minRenderScale),
                                                   settings.controller.maxRenderScale)
        }
        if !drivesRenderScale {
            // The render scale is fixed for apps that do not ask: only the
            // frame divisor remains to adapt.
            configuration.knobs.renderScaleRange = 1...1
            configuration.knobs.preferredMinimumScale = 1
            configuration.initialRenderScale = 1
        }
        controller = QualityController(configuration: configuration)
        self.drivesRenderScale = drivesRenderScale
        latest = Mutex(QualityDecision(settings: controller.current))
        sustainedScale = controller.current.renderScale
    }

    /// The latest decision, for a knob applied outside xrWaitFrame.
    var decision: QualityDecision { latest.withLock { $0 } }

    /// The share of the period the controller keeps free.
    var headroom: Double { controller.configuration.headroom }

    /// A finished frame, from xrEndFrame's thread: the only way a
    /// measurement reaches the controller. Its GPU time is the app's plus
    /// the layer's pass (the latest measured): the frame fits only if both
    /// do, and the controller separates them with the pass costs, which the
    /// same pass time teaches. A frame the runtime did not want drawn
    /// teaches CPU time only: what its GPU time holds (nothing submitted, so
    /// the begin-to-end span with the render thread's work in it) says
    /// nothing of what rendering costs.
    func post(_ frame: FrameRecord) {
        let period = frame.displayPeriodNs > 0 ? Double(frame.displayPeriodNs) / 1e6 : 0
        let passNs = max(frame.layerGpuNs ?? 0, 0)
        let gpuNs = frame.flags.contains(.notRendered) ? nil : frame.appGpuNs
        mailbox.post(FrameObservation(
            frameIndex: Int(truncatingIfNeeded: frame.frameIndex), periodMs: period,
            appGPUms: gpuNs.map { Double($0 + passNs) / 1e6 }, appCPUms: frame.appCpuNs.map { Double($0) / 1e6 },
            settings: QualitySettings(renderScale: Double(frame.knobs.renderScale) / max(staticScale, 0.01),
                                      frameDivisor: Int(frame.knobs.frameDivisor),
                                      passQualityLevel: passKnob && frame.knobs.passFilter == .bilinear ? 1 : 0),
            passGPUms: frame.layerGpuNs.map { Double($0) / 1e6 }))
    }

    /// The static render scale the session runs at (the frame records hold
    /// static x dynamic); set once before the first frame.
    var staticScale = 1.0

    /// xrWaitFrame, before calling down: learn from the frames posted since,
    /// then decide the frame about to start.
    func decideNextFrame() -> QualityDecision {
        mailbox.drain { observation in
            controller.observe(observation)
            if observation.appGPUms != nil { observed += 1 }
            if passCosts.observe(observation.passGPUms) {
                for level in 0..<passCosts.levels { controller.setPassCost(level: level, milliseconds: passCosts.costs[level]) }
            }
        }
        var settings = controller.decide(frame: nextFrame)
        if !passKnob { settings.passQualityLevel = 0 }
        passCosts.switchTo(settings.passQualityLevel)
        nextFrame += 1
        // About the last few seconds at 90 Hz weigh most.
        sustainedScale += (settings.renderScale - sustainedScale) * 0.005
        decisions += 1
        if settings.frameDivisor > 1 { halfRateDecisions += 1 }
        settings.frameDivisor = max(1, settings.frameDivisor)
        // The costs expected for the frame just decided.
        let expected = controller.expectedCosts(frame: nextFrame - 1)
        let forecast = expected.gpu ?? 0
        let target = controller.periodMs * Double(settings.frameDivisor) * (1 - controller.configuration.headroom)
        let cpuForecast = expected.cpu ?? 0
        let decision = QualityDecision(settings: settings, forecastGpuMs: forecast, forecastCpuMs: cpuForecast,
                                       targetMs: target, measured: observed > 0)
        latest.withLock { $0 = decision }
        if notifies, forecast > 0 {
            if let change = gpuOverload.decided(forecastMs: forecast, targetMs: target) {
                events.push(domain: XR_PERF_SETTINGS_DOMAIN_GPU_EXT, change)
                pendingFlag?()
            }
            if cpuForecast > 0, let change = cpuOverload.decided(forecastMs: cpuForecast, targetMs: target) {
                events.push(domain: XR_PERF_SETTINGS_DOMAIN_CPU_EXT, change)
                pendingFlag?()
            }
        }
        return decision
    }

    /// What the session could sustain, read when it ends (the app has
    /// stopped calling xrWaitFrame by then).
    var sustained: (renderScale: Double, frameDivisor: Int, frames: Int) {
        (sustainedScale, halfRateDecisions * 2 > decisions ? 2 : 1, decisions)
    }
}
