import COpenXR
import Synchronization
import XrPerfCore
import XrPerfVulkan

/// The quality controller of one session, run in xrWaitFrame before the
/// frame's wait goes down: it reads the frames finished since (their app
/// CPU and GPU times, posted from xrEndFrame) and decides the knobs of the
/// frame about to start. Its choices are published through atomics, so the
/// frame path, the META resolution query and the telemetry read them
/// without a lock.
final class SessionController: @unchecked Sendable {
    /// Touched only from xrWaitFrame, which the app serialises per session.
    private var controller: QualityController
    private var nextFrame = 0
    private var observed = 0
    let mailbox = ObservationMailbox()
    /// Whether the render scale is the controller's (the app takes the
    /// layer's XR_META_recommended_layer_resolution answer).
    let drivesRenderScale: Bool
    private let scaleBits: Atomic<UInt64>
    private let divisorValue = Atomic<UInt32>(1)
    private let measured = Atomic<Bool>(false)
    private let forecastBits = Atomic<UInt64>(0)
    private let cpuForecastBits = Atomic<UInt64>(0)
    private let targetBits = Atomic<UInt64>(0)

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
    private let passLevel = Atomic<Int>(0)
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
        scaleBits = Atomic(controller.current.renderScale.bitPattern)
        sustainedScale = controller.current.renderScale
    }

    /// The render scale the controller wants for apps that follow it.
    var renderScale: Double { Double(bitPattern: scaleBits.load(ordering: .relaxed)) }

    /// Display periods per frame the controller wants (1 or 2).
    var frameDivisor: UInt32 { divisorValue.load(ordering: .relaxed) }

    /// Whether any frame with a GPU time has been seen: before that the
    /// scale is a guess, and META answers say so (isValid false).
    var hasMeasurements: Bool { measured.load(ordering: .relaxed) }

    /// The last decision's forecast GPU time at the chosen settings and its
    /// target (ms), for the frame record.
    var forecastMs: Double { Double(bitPattern: forecastBits.load(ordering: .relaxed)) }
    var targetMs: Double { Double(bitPattern: targetBits.load(ordering: .relaxed)) }
    /// The last decision's CPU-time forecast (ms; 0 before any).
    var cpuForecastMs: Double { Double(bitPattern: cpuForecastBits.load(ordering: .relaxed)) }
    /// The share of the period the controller keeps free.
    var headroom: Double { controller.configuration.headroom }

    /// A finished frame, from xrEndFrame's thread. Its GPU time is the
    /// app's plus the layer's pass (the latest measured): the frame fits
    /// only if both do, and the controller separates them with the pass
    /// costs it was given. A frame the runtime did not want drawn teaches
    /// CPU time only: what its GPU time holds (nothing submitted, so the
    /// begin-to-end span with the render thread's work in it) says nothing
    /// of what rendering costs.
    func post(_ frame: FrameRecord) {
        let period = frame.displayPeriodNs > 0 ? Double(frame.displayPeriodNs) / 1e6 : 0
        let passNs = max(frame.layerGpuNs ?? 0, 0)
        let gpuNs = frame.flags.contains(.notRendered) ? nil : frame.appGpuNs
        mailbox.post(FrameObservation(
            frameIndex: Int(truncatingIfNeeded: frame.frameIndex), periodMs: period,
            appGPUms: gpuNs.map { Double($0 + passNs) / 1e6 }, appCPUms: frame.appCpuNs.map { Double($0) / 1e6 },
            settings: QualitySettings(renderScale: Double(frame.knobs.renderScale) / max(staticScale, 0.01),
                                      frameDivisor: Int(frame.knobs.frameDivisor),
                                      passQualityLevel: passKnob && frame.knobs.passFilter == .bilinear ? 1 : 0)))
    }

    /// The static render scale the session runs at (the frame records hold
    /// static x dynamic); set once before the first frame.
    var staticScale = 1.0

    /// Whether the pass runs bilinear instead of the profile's edge filter.
    var passReduced: Bool { passLevel.load(ordering: .relaxed) > 0 }

    /// xrWaitFrame, before calling down: learn, then decide. `passGpuMs`:
    /// the latest GPU time of the layer's pass, when it runs one.
    func decideNextFrame(passGpuMs: Double? = nil) {
        mailbox.drain { observation in
            controller.observe(observation)
            if observation.appGPUms != nil { observed += 1 }
        }
        if passCosts.observe(passGpuMs) {
            for level in 0..<passCosts.levels { controller.setPassCost(level: level, milliseconds: passCosts.costs[level]) }
        }
        let settings = controller.decide(frame: nextFrame)
        if passKnob, settings.passQualityLevel != passLevel.load(ordering: .relaxed) {
            passLevel.store(settings.passQualityLevel, ordering: .relaxed)
            passCosts.switchTo(settings.passQualityLevel)
        }
        nextFrame += 1
        // About the last few seconds at 90 Hz weigh most.
        sustainedScale += (settings.renderScale - sustainedScale) * 0.005
        decisions += 1
        if settings.frameDivisor > 1 { halfRateDecisions += 1 }
        scaleBits.store(settings.renderScale.bitPattern, ordering: .relaxed)
        divisorValue.store(UInt32(clamping: max(1, settings.frameDivisor)), ordering: .relaxed)
        if observed > 0 { measured.store(true, ordering: .relaxed) }
        // The costs expected for the frame just decided.
        let expected = controller.expectedCosts(frame: nextFrame - 1)
        let forecast = expected.gpu ?? 0
        forecastBits.store(forecast.bitPattern, ordering: .relaxed)
        let target = controller.periodMs * Double(settings.frameDivisor) * (1 - controller.configuration.headroom)
        let cpuForecast = expected.cpu ?? 0
        cpuForecastBits.store(cpuForecast.bitPattern, ordering: .relaxed)
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
        targetBits.store((controller.periodMs * Double(settings.frameDivisor) * (1 - controller.configuration.headroom)).bitPattern,
                         ordering: .relaxed)
    }

    /// What the session could sustain, read when it ends (the app has
    /// stopped calling xrWaitFrame by then).
    var sustained: (renderScale: Double, frameDivisor: Int, frames: Int) {
        (sustainedScale, halfRateDecisions * 2 > decisions ? 2 : 1, decisions)
    }
}
