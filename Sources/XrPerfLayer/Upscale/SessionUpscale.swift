import COpenXR
import Synchronization
import XrPerfCore
import XrPerfVulkan

/// One session's upscaling: its settings, latched at session start, and its
/// pass on the app's device. The frame composer's UpscaleViews step uses it
/// in xrEndFrame.
final class SessionUpscale: @unchecked Sendable {
    /// Runtime images one frame may acquire: one per layer at most.
    static let maximumLayers = FrameScratch.maximumLayers

    let scale: RenderScale
    let filter: ProfileSettings.UpscaleFilter
    let sharpness: Double
    /// How the passes (upscale and focus inset) write the runtime's images.
    let path: UpscalePassPath
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

    /// Swapchains whose runtime image is acquired during the frame being ended.
    let acquired: UnsafeMutablePointer<Unmanaged<SubstitutedSwapchain>?>

    /// Whether the app renders a smaller rect each frame at the controller's
    /// scale (XR_META_recommended_layer_resolution).
    let dynamic: Bool
    /// The full-size view extents the app last showed in a resolution query:
    /// what its smaller rects are upscaled back to.
    let fullExtents = Mutex(FullExtents())

    /// Substitution of quad-view swapchains (emulated XR_VARJO_quad_views).
    struct QuadPlan {
        let scale: RenderScale
        let smallestEye: (UInt32, UInt32)
    }
    let quadPlan: QuadPlan?
    /// Formats of the quad-view swapchains so far: the inset pipelines are
    /// built for every pair (a focus view may differ from its periphery).
    let quadFormats = Mutex<[UpscaleFormat]>([])

    /// The runtime's recommended stereo view sizes: a substituted swapchain
    /// the size the app was told maps back to exactly these (UpscaleGeometry).
    let recommendedWidths: [UInt32]
    let recommendedHeights: [UInt32]

    init(scale: RenderScale, settings: ProfileSettings.Upscale, context: UpscaleContext,
         smallestEye: (UInt32, UInt32), maximum: (UInt32, UInt32), recommended: (widths: [UInt32], heights: [UInt32]),
         dynamic: Bool, quadPlan: QuadPlan? = nil) {
        (recommendedWidths, recommendedHeights) = recommended
        self.dynamic = dynamic
        self.quadPlan = quadPlan
        self.scale = scale
        filter = settings.filter
        sharpness = settings.sharpness
        path = settings.pass
        self.context = context
        (smallestEyeWidth, smallestEyeHeight) = smallestEye
        (maximumWidth, maximumHeight) = maximum
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
        acquired.deallocate()
    }

    /// Logs the first failure of the session and turns the pass off.
    func fail(_ error: any Error) {
        if !broken.exchange(true, ordering: .relaxed) {
            logError("upscaling off for the rest of this session: \(error)")
        }
    }
}

/// Full-size extents per view index (up to four views), from the app's
/// XR_META_recommended_layer_resolution queries.
struct FullExtents: Sendable {
    static let capacity = 4
    private var widths = InlineArray<4, Int32>(repeating: 0)
    private var heights = InlineArray<4, Int32>(repeating: 0)

    subscript(view: Int) -> (width: Int32, height: Int32)? {
        get {
            guard view >= 0, view < Self.capacity, widths[view] > 0, heights[view] > 0 else { return nil }
            return (widths[view], heights[view])
        }
        set {
            guard view >= 0, view < Self.capacity else { return }
            (widths[view], heights[view]) = newValue ?? (0, 0)
        }
    }
}
