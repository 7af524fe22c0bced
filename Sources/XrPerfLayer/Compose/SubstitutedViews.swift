import COpenXR
import XrPerfCore

/// A sub-image showing a substituted swapchain: its state and the app's
/// image it shows (the last released, read once per frame).
struct FoundSubImage {
    var state: Unmanaged<SwapchainState>?
    var appImage: UInt32 = 0
}

/// Which views of a frame show swapchains the layer substituted, checked as
/// a runtime would check them before anything changes (spec 10.6: a
/// released image, a rect inside the image, an existing array layer), so
/// that nothing happens to a frame that will be refused. What is found is
/// kept in the scratch's `found` slots: the rewrite looks nothing up again.
enum SubstitutedViews {
    /// How many views of the frame show substituted swapchains, or the
    /// runtime's error. `quad`: the session began with quad views, so each
    /// projection layer must have four.
    static func check(_ frame: FrameLayers, _ scratch: FrameScratch, quad: Bool) -> Result<Int, XrResultError> {
        var count = 0
        for index in 0..<frame.count {
            switch check(frame.pointers[index], at: index, scratch, quad: quad) {
            case .failure(let error): return .failure(error)
            case .success(let found): count += found
            }
        }
        return .success(count)
    }

    /// One layer's substituted views (recorded in its slots), or the runtime's error.
    static func check(_ header: UnsafePointer<XrCompositionLayerBaseHeader>?, at index: Int, _ scratch: FrameScratch,
                      quad: Bool) -> Result<Int, XrResultError> {
        let slots = scratch.found(layer: index)
        slots.update(repeating: FoundSubImage(), count: FrameScratch.viewsPerLayer)
        guard let header else { return .success(0) }
        switch header.pointee.type {
        case XR_TYPE_COMPOSITION_LAYER_PROJECTION:
            let layer = UnsafeRawPointer(header).assumingMemoryBound(to: XrCompositionLayerProjection.self).pointee
            guard let views = layer.views else { return .success(0) }
            // The runtime would refuse another count for the configuration the session began with.
            if quad, layer.viewCount != UInt32(SessionFoveation.quadViewCount) {
                return .failure(XrResultError(result: XR_ERROR_VALIDATION_FAILURE))
            }
            var count = 0
            for view in 0..<Int(layer.viewCount) {
                switch checkSubImage(views[view].subImage) {
                case .failure(let error): return .failure(error)
                case .success(let found):
                    guard found.state != nil else { continue }
                    // No view configuration has more views: a runtime refuses the count.
                    guard view < FrameScratch.viewsPerLayer else {
                        return .failure(XrResultError(result: XR_ERROR_VALIDATION_FAILURE))
                    }
                    slots[view] = found
                    count += 1
                }
            }
            return .success(count)
        default:
            guard let kind = SingleImageLayer.of(header.pointee.type) else { return .success(0) }
            return checkSubImage(kind.subImage(of: UnsafeRawPointer(header))).map { found in
                slots[0] = found
                return found.state == nil ? 0 : 1
            }
        }
    }

    private static func checkSubImage(_ subImage: XrSwapchainSubImage) -> Result<FoundSubImage, XrResultError> {
        guard let state = Registry.swapchains.lookup(handleKey(subImage.swapchain)), let substitution = state.substitution
        else { return .success(FoundSubImage()) }
        guard let appImage = substitution.lastReleased else { return .failure(XrResultError(result: XR_ERROR_LAYER_INVALID)) }
        let rect = PixelRect(subImage.imageRect)
        guard rect.fits(width: substitution.geometry.appWidth, height: substitution.geometry.appHeight) else {
            return .failure(XrResultError(result: XR_ERROR_SWAPCHAIN_RECT_INVALID))
        }
        guard subImage.imageArrayIndex < max(substitution.arraySize, 1) else {
            return .failure(XrResultError(result: XR_ERROR_VALIDATION_FAILURE))
        }
        // The registry keeps the state alive for the whole call.
        return .success(FoundSubImage(state: Unmanaged.passUnretained(state), appImage: appImage))
    }
}
