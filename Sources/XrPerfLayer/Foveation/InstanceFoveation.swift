import COpenXR
import Synchronization
import XrPerfCore

/// Quad views as the layer emulates them for one instance: the foveation
/// settings and the four view sizes, latched the first time they are needed
/// (engines size their swapchains from the first answer, and later answers
/// must agree), and the eye-gaze action the layer reads for the whole
/// instance.
final class InstanceFoveation: Sendable {
    /// The app enabled a Vulkan binding: quad views are composited in
    /// Vulkan, so they are offered only then.
    let vulkan: Bool
    /// The layer's own eye-gaze action, when the runtime has the extension.
    let gaze: GazeActions?
    private let latched = Mutex<ProfileSettings.Foveation?>(nil)
    private let layout = Mutex<QuadViewLayout?>(nil)
    /// The last view configuration the app asked view sizes for was the
    /// quad one: its swapchains are then taken for quad views.
    let appSizesQuadViews = Atomic<Bool>(false)

    init(handle: UInt, next: NextDispatch, vulkan: Bool, eyeGaze: Bool) {
        self.vulkan = vulkan
        gaze = eyeGaze ? GazeActions(instance: handle, next: next) : nil
    }

    func settings(_ instance: InstanceState, systemId: XrSystemId) -> ProfileSettings.Foveation {
        latched.withLock { latched in
            if let latched { return latched }
            let settings = instance.settings(systemId: systemId).foveation
            latched = settings
            if settings.mode != .off {
                logInfo("quad views emulated (\(settings.mode.rawValue)): peripheral density \(settings.peripheralDensity), focus density \(settings.focusDensity), focus size \(settings.focusSize)")
            }
            return settings
        }
    }

    /// Whether PRIMARY_QUAD_VARJO is offered on this system.
    func offersQuadViews(_ instance: InstanceState, systemId: XrSystemId) -> Bool {
        vulkan && settings(instance, systemId: systemId).mode != .off
    }

    /// The four views' sizes, and the stereo views' maxima; nil when the
    /// runtime's stereo views cannot be read.
    func viewLayout(_ instance: InstanceState, systemId: XrSystemId) -> (layout: QuadViewLayout, maximum: QuadViewLayout.Size)? {
        guard let stereo = stereoViews(instance, systemId: systemId), let first = stereo.first else { return nil }
        let maximum = QuadViewLayout.Size(width: first.maxImageRectWidth, height: first.maxImageRectHeight)
        let settings = settings(instance, systemId: systemId)
        let result = layout.withLock { layout in
            if let layout { return layout }
            let made = QuadViewLayout(
                recommended: QuadViewLayout.Size(width: first.recommendedImageRectWidth, height: first.recommendedImageRectHeight),
                maximum: maximum, peripheralDensity: settings.peripheralDensity, focusDensity: settings.focusDensity,
                focusShare: settings.focusSize)
            layout = made
            return made
        }
        return (result, maximum)
    }
}
