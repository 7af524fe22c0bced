import COpenXR
import Synchronization
import XrPerfCore
import XrPerfVulkan

/// One session's upscaling: its settings, latched at session start, its pass
/// on the app's device, and the scratch space xrEndFrame rewrites the frame
/// into. The scratch is allocated once here: the frame path allocates nothing.
final class SessionUpscale: @unchecked Sendable {
    static let maximumLayers = 16
    static let maximumViews = 64

    let scale: RenderScale
    let filter: ProfileSettings.UpscaleFilter
    let sharpness: Double
    let context: UpscaleContext
    /// The smallest scaled recommended eye size: what a swapchain must reach
    /// to be taken for an eye buffer.
    let smallestEyeWidth: UInt32
    let smallestEyeHeight: UInt32
    /// Limits for the runtime's images: the runtime's maximum view size.
    let maximumWidth: UInt32
    let maximumHeight: UInt32
    /// The GPU time of the last pass that came back, for the frame record.
    let lastGpuNs = Atomic<Int64>(-1)
    /// Set when the pass failed inside a frame: logged once, then frames pass
    /// through without upscaling (their substituted views are left out).
    let broken = Atomic<Bool>(false)

    let layerPointers: UnsafeMutablePointer<UnsafePointer<XrCompositionLayerBaseHeader>?>
    let projections: UnsafeMutablePointer<XrCompositionLayerProjection>
    let quads: UnsafeMutablePointer<XrCompositionLayerQuad>
    let views: UnsafeMutablePointer<XrCompositionLayerProjectionView>
    /// Swapchains whose runtime image is acquired during the frame being ended.
    let acquired: UnsafeMutablePointer<Unmanaged<SubstitutedSwapchain>?>

    init(scale: RenderScale, settings: ProfileSettings.Upscale, context: UpscaleContext,
         smallestEye: (UInt32, UInt32), maximum: (UInt32, UInt32)) {
        self.scale = scale
        filter = settings.filter
        sharpness = settings.sharpness
        self.context = context
        (smallestEyeWidth, smallestEyeHeight) = smallestEye
        (maximumWidth, maximumHeight) = maximum
        layerPointers = .allocate(capacity: Self.maximumLayers)
        projections = .allocate(capacity: Self.maximumLayers)
        quads = .allocate(capacity: Self.maximumLayers)
        views = .allocate(capacity: Self.maximumViews)
        acquired = .allocate(capacity: Self.maximumLayers)
        acquired.initialize(repeating: nil, count: Self.maximumLayers)
    }

    private let isShutDown = Atomic<Bool>(false)
    var isShutDownNow: Bool { isShutDown.load(ordering: .acquiring) }

    /// Called before the session and its swapchains go; later frames pass
    /// through untouched. Safe to call more than once.
    func shutdown() {
        broken.store(true, ordering: .relaxed)
        guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        context.destroy()
        layerPointers.deallocate()
        projections.deallocate()
        quads.deallocate()
        views.deallocate()
        acquired.deallocate()
    }

    /// Logs the first failure of the session and turns the pass off.
    func fail(_ error: any Error) {
        if !broken.exchange(true, ordering: .relaxed) {
            logError("upscaling off for the rest of this session: \(error)")
        }
    }
}
