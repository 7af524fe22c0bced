import COpenXR
import XrPerfCore
import XrPerfVulkan

/// The step of a session that upscales: every view that shows a substituted
/// swapchain is upscaled into the runtime's image and pointed at it, on the
/// app's queue, inside xrEndFrame. All views go into one command buffer
/// between two timestamps; each runtime image is acquired once and released
/// before the frame goes down. The quad views step upscales its peripheral
/// views and single-image layers through this one too.
final class UpscaleViews: ViewStep, @unchecked Sendable {  // per-frame fields: xrEndFrame, serialised per session
    let upscale: SessionUpscale
    private let next: NextDispatch
    /// The filter of the frame being ended: the controller may trade the
    /// edge filter for bilinear under pressure.
    private var filter: ProfileSettings.UpscaleFilter
    /// Runtime images acquired so far in the frame being ended.
    private var acquiredCount = 0

    init(_ upscale: SessionUpscale, next: NextDispatch) {
        self.upscale = upscale
        self.next = next
        filter = upscale.filter
    }

    var tooManyLayers: ComposedFrame { .unchanged }
    var afterFailure: FrameFallback { .unchanged }

    func check(_ frame: FrameLayers, _ scratch: FrameScratch) -> FramePlan {
        check(frame, scratch, quad: false)
    }

    /// `quad`: a quad session's frame always changes (its runtime takes
    /// stereo), and its projection layers cannot go down as the app made them.
    func check(_ frame: FrameLayers, _ scratch: FrameScratch, quad: Bool) -> FramePlan {
        guard frame.count > 0 else { return .unchanged }
        if upscale.broken.load(ordering: .relaxed) { return .withoutLayers }
        switch SubstitutedViews.check(frame, scratch, quad: quad) {
        case .failure(let error): return .invalid(error.result)
        case .success(let substituted): return substituted > 0 || quad ? .rewrite : .unchanged
        }
    }

    func begin(_ knobs: KnobSettings?) -> Bool {
        acquiredCount = 0
        do {
            // Mid-session, as a lost device would.
            if upscale.context.framesSubmitted >= 30 { try InjectedFaults.check(.upscaleFrame) }
            try upscale.context.beginFrame { [upscale] gpuNs in
                if let gpuNs { upscale.lastGpuNs.store(gpuNs, ordering: .relaxed) }
            }
        } catch {
            upscale.fail(error)
            return false
        }
        // The pass's filter is the knob applied here, as the frame was
        // stamped (the controller trades edge for bilinear under pressure).
        filter = knobs?.passFilter == .bilinear ? .bilinear : upscale.filter
        return true
    }

    func rewriteViews(of layer: XrCompositionLayerProjection, at index: Int,
                      into copies: UnsafeMutablePointer<XrCompositionLayerProjectionView>, _ scratch: FrameScratch) -> Int? {
        guard let views = layer.views else { return nil }
        let viewCount = Int(layer.viewCount)
        let slots = scratch.found(layer: index)
        var failed = false
        for view in 0..<viewCount {
            copies[view] = views[view]
            // Past the slots a layer has, the check found nothing substituted.
            let found = view < FrameScratch.viewsPerLayer ? slots[view] : FoundSubImage()
            let full = upscale.dynamic && found.state != nil ? upscale.fullExtents.withLock { $0[view] } : nil
            if !self.upscale(&copies[view].subImage, found, fullExtent: full) { failed = true }
            dropDepth(from: &copies[view])
        }
        return failed ? nil : viewCount
    }

    func rewritesSingleImage(at index: Int, _ scratch: FrameScratch) -> Bool {
        scratch.found(layer: index)[0].state != nil
    }

    func rewriteSubImage(_ subImage: inout XrSwapchainSubImage, at index: Int, _ scratch: FrameScratch) -> Bool {
        upscale(&subImage, scratch.found(layer: index)[0], fullExtent: nil)
    }

    func end() -> Bool {
        var submitted = true
        do throws(PassFailure) {
            try upscale.context.submitFrame()
        } catch {
            upscale.fail(error)
            submitted = false
        }
        releaseRuntimeImages()
        upscale.context.collectFinished { [upscale] gpuNs in
            if let gpuNs { upscale.lastGpuNs.store(gpuNs, ordering: .relaxed) }
        }
        return submitted
    }

    func keepsAfterFailure(_ header: UnsafePointer<XrCompositionLayerBaseHeader>?, at index: Int,
                           _ scratch: FrameScratch) -> Bool {
        keeps(header, at: index, scratch, quad: false)
    }

    /// A layer that shows no substituted swapchain (a failure to check it is
    /// about one too), and under quad views not a projection layer (the
    /// runtime cannot take its four views).
    func keeps(_ header: UnsafePointer<XrCompositionLayerBaseHeader>?, at index: Int, _ scratch: FrameScratch,
               quad: Bool) -> Bool {
        guard case .success(0) = SubstitutedViews.check(header, at: index, scratch, quad: quad) else { return false }
        return !(quad && header?.pointee.type == XR_TYPE_COMPOSITION_LAYER_PROJECTION)
    }

    /// Records one sub-image's upscale and points it at the runtime's image.
    /// False when the runtime's image could not be had.
    func upscale(_ subImage: inout XrSwapchainSubImage, _ found: FoundSubImage,
                 fullExtent: (width: Int32, height: Int32)?) -> Bool {
        guard let state = found.state?.takeUnretainedValue(), let substitution = state.substitution else { return true }
        if substitution.runtimeImageThisFrame == nil {
            guard let index = acquireRuntimeImage(state), acquiredCount < SessionUpscale.maximumLayers else { return false }
            substitution.runtimeImageThisFrame = index
            upscale.acquired[acquiredCount] = Unmanaged.passUnretained(substitution)
            acquiredCount += 1
        }
        guard let runtimeImage = substitution.runtimeImageThisFrame else { return false }
        let source = PixelRect(subImage.imageRect)
        let target = Self.targetRect(source, fullExtent, substitution.geometry)
        upscale.context.upscale(substitution.images, appImage: Int(found.appImage), sourceLayer: subImage.imageArrayIndex,
                                source: source, runtimeImage: Int(runtimeImage), targetLayer: subImage.imageArrayIndex,
                                target: target, filter: filter, sharpness: upscale.sharpness)
        subImage.imageRect = XrRect2Di(offset: XrOffset2Di(x: target.x, y: target.y),
                                       extent: XrExtent2Di(width: target.width, height: target.height))
        return true
    }

    /// Where a rect lands in the runtime's image: scaled with the images, and,
    /// when the app rendered a smaller rect at the controller's scale, grown back
    /// to the full size it showed in its resolution query (at the same offset,
    /// inside the image).
    private static func targetRect(_ source: PixelRect, _ fullExtent: (width: Int32, height: Int32)?,
                                   _ geometry: UpscaleGeometry) -> PixelRect {
        guard let full = fullExtent, full.width >= source.width, full.height >= source.height,
              source.width < full.width || source.height < full.height else { return geometry.runtimeRect(for: source) }
        let width = min(full.width, Int32(clamping: geometry.appWidth) - source.x)
        let height = min(full.height, Int32(clamping: geometry.appHeight) - source.y)
        return geometry.runtimeRect(for: PixelRect(x: source.x, y: source.y, width: width, height: height))
    }

    private func acquireRuntimeImage(_ state: SwapchainState) -> UInt32? {
        guard let acquire = next.acquireSwapchainImage, let wait = next.waitSwapchainImage else { return nil }
        let handle = OpaquePointer(bitPattern: state.handle)
        var index: UInt32 = 0
        var result = acquire(handle, nil, &index)
        guard xrperf_succeeded(result) != 0 else {
            upscale.fail(XrResultError(result: result))
            return nil
        }
        var waitInfo = XrSwapchainImageWaitInfo()
        waitInfo.type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO
        waitInfo.timeout = XrDuration(Int64.max)
        result = wait(handle, &waitInfo)
        guard xrperf_succeeded(result) != 0 else {
            upscale.fail(XrResultError(result: result))
            return nil
        }
        return index
    }

    private func releaseRuntimeImages() {
        defer { acquiredCount = 0 }
        guard let release = next.releaseSwapchainImage else { return }
        for index in 0..<acquiredCount {
            guard let substitution = upscale.acquired[index]?.takeUnretainedValue() else { continue }
            upscale.acquired[index] = nil
            substitution.runtimeImageThisFrame = nil
            let result = release(OpaquePointer(bitPattern: substitution.handle), nil)
            if xrperf_succeeded(result) == 0 { upscale.fail(XrResultError(result: result)) }
        }
    }
}

/// The layer's runtime images are larger than the app's depth images, so the
/// depth of an upscaled view is not passed on (docs/upscaling.md). Only a
/// depth struct at the head of the view's chain can be skipped without
/// writing to the app's structures.
func dropDepth(from view: inout XrCompositionLayerProjectionView) {
    view.next = skippingHead(view.next, of: XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR)
}
