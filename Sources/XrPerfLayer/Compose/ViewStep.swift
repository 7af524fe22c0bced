import COpenXR
import XrPerfCore

/// One way the composer rewrites a frame: what becomes of each projection
/// layer's views and of each single-image layer's sub-image. The composer
/// owns the loop, the scratch and the fallbacks; a step only answers for one
/// layer at a time. Steps live as long as their session and keep no
/// per-frame allocation.
protocol ViewStep: AnyObject, Sendable {
    /// Composition layers a frame may have for the step; past it, `tooManyLayers`.
    var tooManyLayers: ComposedFrame { get }
    /// The whole frame before anything changes, as a runtime would judge it.
    func check(_ frame: FrameLayers, _ scratch: FrameScratch) -> FramePlan
    /// Starts the frame's work with the frame's knobs (nil: the session's
    /// own); false when it failed (the composer falls back).
    func begin(_ knobs: KnobSettings?) -> Bool
    /// Writes projection layer `index`'s views into `copies`: how many the
    /// layer goes down with, or nil when its work failed.
    func rewriteViews(of layer: XrCompositionLayerProjection, at index: Int,
                      into copies: UnsafeMutablePointer<XrCompositionLayerProjectionView>, _ scratch: FrameScratch) -> Int?
    /// Whether the single-image layer `index` is rewritten (copied, then `rewriteSubImage`).
    func rewritesSingleImage(at index: Int, _ scratch: FrameScratch) -> Bool
    /// Points a copied single-image layer's sub-image elsewhere; false when its work failed.
    func rewriteSubImage(_ subImage: inout XrSwapchainSubImage, at index: Int, _ scratch: FrameScratch) -> Bool
    /// After the loop, whatever happened in it; false when the frame's work failed.
    func end() -> Bool
    /// When the frame's own work failed (begin, a layer, end): how it goes on.
    var afterFailure: FrameFallback { get }
    /// Dropping layers: whether layer `index` still goes down as the app made it.
    func keepsAfterFailure(_ header: UnsafePointer<XrCompositionLayerBaseHeader>?, at index: Int,
                           _ scratch: FrameScratch) -> Bool
}

/// The app's layers of the frame being ended.
struct FrameLayers {
    let pointers: UnsafePointer<UnsafePointer<XrCompositionLayerBaseHeader>?>
    let count: Int
}

/// What a step makes of a frame before anything changes.
enum FramePlan {
    /// The frame goes down as the app made it.
    case unchanged
    /// The step rewrites it.
    case rewrite
    /// The step failed earlier in the session: the frame goes down without
    /// the layers it cannot keep.
    case withoutLayers
    /// A runtime would refuse the frame with this.
    case invalid(XrResult)
}

/// How a frame goes on when its step failed.
enum FrameFallback {
    /// As the app made it.
    case unchanged
    /// Without the layers the step says it cannot keep.
    case withoutLayers
}
