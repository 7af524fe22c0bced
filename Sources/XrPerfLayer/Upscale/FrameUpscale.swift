import COpenXR
import XrPerfCore
import XrPerfVulkan

/// What xrEndFrame submits when the session upscales.
enum FrameUpscaleOutcome {
    /// No layer shows a substituted swapchain (or the pass is off): submit
    /// the app's frame as it is.
    case unchanged
    /// Submit the rewritten frame in the session's scratch space.
    case rewritten(XrFrameEndInfo)
    /// The app's frame is invalid where a runtime would say so; return this.
    case invalid(XrResult)
}

/// Upscales every view that shows a substituted swapchain into the runtime's
/// image and points the view at it, on the app's queue, inside xrEndFrame.
/// First checks the whole frame as a runtime would (nothing happens to a
/// frame that will be refused), then acquires each runtime image once,
/// records all views into one command buffer between two timestamps,
/// submits, and releases the runtime images before the frame goes down.
func upscaleFrame(_ session: SessionState, _ upscale: SessionUpscale, _ info: XrFrameEndInfo) -> FrameUpscaleOutcome {
    guard let layers = info.layers, !upscale.isShutDownNow else { return .unchanged }
    let layerCount = Int(info.layerCount)
    guard layerCount > 0, layerCount <= SessionUpscale.maximumLayers else { return .unchanged }
    let quad = session.foveation?.isQuad.load(ordering: .acquiring) == true
    if upscale.broken.load(ordering: .relaxed) { return withoutSubstitutedLayers(upscale, info, layers, layerCount, quad: quad) }

    var substitutedViews = 0
    for index in 0..<layerCount {
        switch checkLayer(layers[index], at: index, upscale, quad: quad) {
        case .failure(let error): return .invalid(error.result)
        case .success(let count): substitutedViews += count
        }
    }
    // A quad session's frame always changes: its runtime takes stereo.
    guard substitutedViews > 0 || quad else { return .unchanged }

    do {
        // Mid-session, as a lost device would.
        if upscale.context.framesSubmitted >= 30 { try InjectedFaults.check(.upscaleFrame) }
        try upscale.context.beginFrame { gpuNs in
            if let gpuNs { upscale.lastGpuNs.store(gpuNs, ordering: .relaxed) }
        }
    } catch {
        upscale.fail(error)
        return withoutPass(upscale, info, layers, layerCount, quad: quad)
    }
    // The controller may trade the edge filter for bilinear under pressure.
    let filter = session.controller?.passReduced == true ? ProfileSettings.UpscaleFilter.bilinear : upscale.filter
    var acquiredCount = 0
    var viewOffset = 0
    var failed = false
    for index in 0..<layerCount {
        upscale.layerPointers[index] = layers[index]
        guard !failed, let header = layers[index] else { continue }
        switch header.pointee.type {
        case XR_TYPE_COMPOSITION_LAYER_PROJECTION:
            let original = UnsafeRawPointer(header).assumingMemoryBound(to: XrCompositionLayerProjection.self)
            let viewCount = Int(original.pointee.viewCount)
            guard let views = original.pointee.views, viewOffset + viewCount <= SessionUpscale.maximumViews else { continue }
            upscale.projections[index] = original.pointee
            let copies = upscale.views + viewOffset
            if quad, let foveation = session.foveation {
                if !compositeQuadViews(views, into: copies, layer: index, foveation, upscale, &acquiredCount, filter: filter) {
                    failed = true
                }
                upscale.projections[index].viewCount = 2
            }
            for view in 0..<viewCount where !quad {
                copies[view] = views[view]
                // Past the slots a layer has, the check found nothing substituted.
                let found = view < SessionUpscale.viewsPerLayer
                    ? upscale.found[index * SessionUpscale.viewsPerLayer + view] : FoundSubImage()
                let full = upscale.dynamic && found.state != nil ? upscale.fullExtents.withLock { $0[view] } : nil
                if !upscaleSubImage(&copies[view].subImage, found, upscale, &acquiredCount, fullExtent: full, filter: filter) {
                    failed = true
                }
                dropDepth(from: &copies[view])
            }
            upscale.projections[index].views = UnsafePointer(copies)
            viewOffset += viewCount
            upscale.layerPointers[index] = UnsafeRawPointer(upscale.projections + index)
                .assumingMemoryBound(to: XrCompositionLayerBaseHeader.self)
        default:
            // Quad, cylinder, equirect...: copied only when it shows a substituted swapchain.
            let found = upscale.found[index * SessionUpscale.viewsPerLayer]
            guard found.state != nil, let kind = SingleImageLayer.of(header.pointee.type) else { continue }
            let copy = upscale.singleImageLayers + index * SingleImageLayer.maximumSize
            copy.copyMemory(from: UnsafeRawPointer(header), byteCount: kind.size)
            let subImage = (copy + kind.subImageOffset).assumingMemoryBound(to: XrSwapchainSubImage.self)
            if !upscaleSubImage(&subImage.pointee, found, upscale, &acquiredCount, fullExtent: nil, filter: filter) {
                failed = true
            }
            upscale.layerPointers[index] = UnsafeRawPointer(copy).assumingMemoryBound(to: XrCompositionLayerBaseHeader.self)
        }
    }
    do throws(PassFailure) {
        try upscale.context.submitFrame()
    } catch {
        upscale.fail(error)
        failed = true
    }
    releaseRuntimeImages(session, upscale, count: acquiredCount)
    upscale.context.collectFinished { gpuNs in
        if let gpuNs { upscale.lastGpuNs.store(gpuNs, ordering: .relaxed) }
    }
    if failed { return withoutPass(upscale, info, layers, layerCount, quad: quad) }
    var rewritten = info
    rewritten.layers = UnsafePointer(upscale.layerPointers)
    return .rewritten(rewritten)
}

/// The frame of a failed pass: as the app made it, but a quad layer cannot
/// go down as the app made it (the runtime takes stereo), so it is left out.
private func withoutPass(
    _ upscale: SessionUpscale, _ info: XrFrameEndInfo,
    _ layers: UnsafePointer<UnsafePointer<XrCompositionLayerBaseHeader>?>, _ layerCount: Int, quad: Bool
) -> FrameUpscaleOutcome {
    quad ? withoutSubstitutedLayers(upscale, info, layers, layerCount, quad: true) : .unchanged
}

/// After the pass failed: the frame goes on without the layers that show
/// substituted swapchains (the runtime's images would be stale or never
/// released), so the app keeps running and its other layers still show.
private func withoutSubstitutedLayers(
    _ upscale: SessionUpscale, _ info: XrFrameEndInfo,
    _ layers: UnsafePointer<UnsafePointer<XrCompositionLayerBaseHeader>?>, _ layerCount: Int, quad: Bool
) -> FrameUpscaleOutcome {
    var kept = 0
    for index in 0..<layerCount {
        // A failure here is also about a substituted view (or a quad layer
        // the runtime cannot take): leave it out too.
        guard case .success(0) = checkLayer(layers[index], at: index, upscale, quad: quad),
              !(quad && layers[index]?.pointee.type == XR_TYPE_COMPOSITION_LAYER_PROJECTION) else { continue }
        upscale.layerPointers[kept] = layers[index]
        kept += 1
    }
    guard kept < layerCount else { return .unchanged }
    var reduced = info
    reduced.layerCount = UInt32(kept)
    reduced.layers = kept > 0 ? UnsafePointer(upscale.layerPointers) : nil
    return .rewritten(reduced)
}

/// How many views of a layer show substituted swapchains, or the error a
/// runtime returns for them (spec 10.6: a released image, a rect inside the
/// image, an existing array layer). What it found is kept in the session's
/// scratch (`found`), so the recording pass looks nothing up again.
private func checkLayer(_ header: UnsafePointer<XrCompositionLayerBaseHeader>?, at index: Int,
                        _ upscale: SessionUpscale, quad: Bool) -> Result<Int, XrResultError> {
    let slots = upscale.found + index * SessionUpscale.viewsPerLayer
    slots.update(repeating: FoundSubImage(), count: SessionUpscale.viewsPerLayer)
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
                guard view < SessionUpscale.viewsPerLayer else { return .failure(XrResultError(result: XR_ERROR_VALIDATION_FAILURE)) }
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

struct XrResultError: Error {
    let result: XrResult
}

/// A sub-image showing a substituted swapchain: its state and the app's
/// image it shows (the last released, read once per frame).
struct FoundSubImage {
    var state: Unmanaged<SwapchainState>?
    var appImage: UInt32 = 0
}

private func checkSubImage(_ subImage: XrSwapchainSubImage) -> Result<FoundSubImage, XrResultError> {
    guard let state = Registry.swapchains.lookup(handleKey(subImage.swapchain)), let substitution = state.substitution
    else { return .success(FoundSubImage()) }
    guard let appImage = substitution.lastReleased else { return .failure(XrResultError(result: XR_ERROR_LAYER_INVALID)) }
    let rect = PixelRect(x: subImage.imageRect.offset.x, y: subImage.imageRect.offset.y,
                         width: subImage.imageRect.extent.width, height: subImage.imageRect.extent.height)
    guard rect.fits(width: substitution.geometry.appWidth, height: substitution.geometry.appHeight) else {
        return .failure(XrResultError(result: XR_ERROR_SWAPCHAIN_RECT_INVALID))
    }
    guard subImage.imageArrayIndex < max(substitution.arraySize, 1) else {
        return .failure(XrResultError(result: XR_ERROR_VALIDATION_FAILURE))
    }
    // The registry keeps the state alive for the whole call.
    return .success(FoundSubImage(state: Unmanaged.passUnretained(state), appImage: appImage))
}

/// Records one sub-image's upscale and points it at the runtime's image.
/// False when the runtime's image could not be had.
func upscaleSubImage(_ subImage: inout XrSwapchainSubImage, _ found: FoundSubImage, _ upscale: SessionUpscale,
                     _ acquiredCount: inout Int, fullExtent: (width: Int32, height: Int32)?,
                     filter: ProfileSettings.UpscaleFilter) -> Bool {
    guard let state = found.state?.takeUnretainedValue(), let substitution = state.substitution else { return true }
    if substitution.runtimeImageThisFrame == nil {
        guard let index = acquireRuntimeImage(state), acquiredCount < SessionUpscale.maximumLayers else { return false }
        substitution.runtimeImageThisFrame = index
        upscale.acquired[acquiredCount] = Unmanaged.passUnretained(substitution)
        acquiredCount += 1
    }
    guard let runtimeImage = substitution.runtimeImageThisFrame else { return false }
    let source = PixelRect(x: subImage.imageRect.offset.x, y: subImage.imageRect.offset.y,
                           width: subImage.imageRect.extent.width, height: subImage.imageRect.extent.height)
    let target = targetRect(source, fullExtent, substitution.geometry)
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
private func targetRect(_ source: PixelRect, _ fullExtent: (width: Int32, height: Int32)?,
                        _ geometry: UpscaleGeometry) -> PixelRect {
    guard let full = fullExtent, full.width >= source.width, full.height >= source.height,
          source.width < full.width || source.height < full.height else { return geometry.runtimeRect(for: source) }
    let width = min(full.width, Int32(clamping: geometry.appWidth) - source.x)
    let height = min(full.height, Int32(clamping: geometry.appHeight) - source.y)
    return geometry.runtimeRect(for: PixelRect(x: source.x, y: source.y, width: width, height: height))
}

private func acquireRuntimeImage(_ state: SwapchainState) -> UInt32? {
    let next = state.session.instance.next
    guard let acquire = next.acquireSwapchainImage, let wait = next.waitSwapchainImage else { return nil }
    let handle = OpaquePointer(bitPattern: state.handle)
    var index: UInt32 = 0
    var result = acquire(handle, nil, &index)
    guard xrperf_succeeded(result) != 0 else {
        state.session.upscale?.fail(XrResultError(result: result))
        return nil
    }
    var waitInfo = XrSwapchainImageWaitInfo()
    waitInfo.type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO
    waitInfo.timeout = XrDuration(Int64.max)
    result = wait(handle, &waitInfo)
    guard xrperf_succeeded(result) != 0 else {
        state.session.upscale?.fail(XrResultError(result: result))
        return nil
    }
    return index
}

private func releaseRuntimeImages(_ session: SessionState, _ upscale: SessionUpscale, count: Int) {
    guard let release = session.instance.next.releaseSwapchainImage else { return }
    for index in 0..<count {
        guard let substitution = upscale.acquired[index]?.takeUnretainedValue() else { continue }
        upscale.acquired[index] = nil
        substitution.runtimeImageThisFrame = nil
        let result = release(OpaquePointer(bitPattern: substitution.handle), nil)
        if xrperf_succeeded(result) == 0 { upscale.fail(XrResultError(result: result)) }
    }
}

/// The layer's runtime images are larger than the app's depth images, so the
/// depth of an upscaled view is not passed on (docs/upscaling.md). Only a
/// depth struct at the head of the view's chain can be skipped without
/// writing to the app's structures.
func dropDepth(from view: inout XrCompositionLayerProjectionView) {
    view.next = skippingHead(view.next, of: XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR)
}
