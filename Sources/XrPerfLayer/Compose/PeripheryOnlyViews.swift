import COpenXR
import XrPerfCore

/// The step of a quad session without the layer's pass (not a Vulkan
/// session, XRPERF_UPSCALE=0, a pass that could not be built): each quad
/// projection layer goes down with its two peripheral views only, which the
/// runtime scales to the display, so the app keeps running at lower detail
/// instead of failing.
final class PeripheryOnlyViews: ViewStep, Sendable {
    var tooManyLayers: ComposedFrame { .invalid(XR_ERROR_LIMIT_REACHED) }
    var afterFailure: FrameFallback { .unchanged }

    func check(_ frame: FrameLayers, _ scratch: FrameScratch) -> FramePlan {
        for index in 0..<frame.count {
            guard let header = frame.pointers[index], header.pointee.type == XR_TYPE_COMPOSITION_LAYER_PROJECTION
            else { continue }
            let layer = UnsafeRawPointer(header).assumingMemoryBound(to: XrCompositionLayerProjection.self).pointee
            // The runtime would refuse another count for the configuration the session began with.
            guard layer.viewCount == UInt32(SessionFoveation.quadViewCount) else { return .invalid(XR_ERROR_VALIDATION_FAILURE) }
        }
        return .rewrite
    }

    func begin(_ knobs: KnobSettings?) -> Bool { true }
    func end() -> Bool { true }

    func rewriteViews(of layer: XrCompositionLayerProjection, at index: Int,
                      into copies: UnsafeMutablePointer<XrCompositionLayerProjectionView>, _ scratch: FrameScratch) -> Int? {
        guard let views = layer.views else { return nil }
        copies.update(from: views, count: 2)
        return 2
    }

    func rewritesSingleImage(at index: Int, _ scratch: FrameScratch) -> Bool { false }
    func rewriteSubImage(_ subImage: inout XrSwapchainSubImage, at index: Int, _ scratch: FrameScratch) -> Bool { true }
    func keepsAfterFailure(_ header: UnsafePointer<XrCompositionLayerBaseHeader>?, at index: Int,
                           _ scratch: FrameScratch) -> Bool { true }
}
