import COpenXR
import XrPerfCore

/// The one place xrEndFrame's frame is rewritten: `compose` runs the single
/// loop over the app's layers, copying each one a step changes into the
/// scratch, and falls back when the step fails. Which step a frame gets is
/// `step`: upscaled views, quad views composited into stereo, or the
/// periphery only. A new rewrite is a new step, not a branch here.
final class FrameComposer: Sendable {
    let scratch = FrameScratch()
    private let upscale: SessionUpscale?
    private let foveation: SessionFoveation?
    private let upscaleViews: UpscaleViews?
    private let quadViews: QuadViewsComposite?
    private let peripheryOnly: PeripheryOnlyViews?
    /// Every frame's step, whatever the session: for the composer's own tests.
    private let fixedStep: (any ViewStep)?

    init(next: NextDispatch, upscale: SessionUpscale?, foveation: SessionFoveation?) {
        self.upscale = upscale
        self.foveation = foveation
        upscaleViews = upscale.map { UpscaleViews($0, next: next) }
        if let upscaleViews, let foveation {
            quadViews = QuadViewsComposite(upscaleViews, foveation)
        } else {
            quadViews = nil
        }
        peripheryOnly = foveation.map { _ in PeripheryOnlyViews() }
        fixedStep = nil
    }

    init(everyFrame step: any ViewStep) {
        (upscale, foveation, upscaleViews, quadViews, peripheryOnly) = (nil, nil, nil, nil, nil)
        fixedStep = step
    }

    /// The frame's step, or nil when nothing rewrites it. A quad session
    /// always has one: its runtime takes stereo.
    private var step: (any ViewStep)? {
        if let fixedStep { return fixedStep }
        let quad = foveation?.isQuad.load(ordering: .acquiring) == true
        if let upscale {
            // Once shut down, the pass and its scratch are gone.
            if upscale.isShutDownNow { return nil }
            return quad ? quadViews : upscaleViews
        }
        return quad ? peripheryOnly : nil
    }

    /// `knobs`: the frame's, as stamped at its wait (nil: the session's own).
    func compose(_ info: XrFrameEndInfo, knobs: KnobSettings? = nil) -> ComposedFrame {
        guard let step, let pointers = info.layers else { return .unchanged }
        let frame = FrameLayers(pointers: pointers, count: Int(info.layerCount))
        guard frame.count <= FrameScratch.maximumLayers else { return step.tooManyLayers }
        switch step.check(frame, scratch) {
        case .unchanged: return .unchanged
        case .invalid(let result): return .invalid(result)
        case .withoutLayers: return without(step, info, frame)
        case .rewrite: break
        }
        guard step.begin(knobs) else { return failedFrame(step, info, frame) }
        var failed = false
        var viewOffset = 0
        for index in 0..<frame.count {
            scratch.layerPointers[index] = frame.pointers[index]
            guard !failed, let header = frame.pointers[index] else { continue }
            if header.pointee.type == XR_TYPE_COMPOSITION_LAYER_PROJECTION {
                let layer = UnsafeRawPointer(header).assumingMemoryBound(to: XrCompositionLayerProjection.self).pointee
                let viewCount = Int(layer.viewCount)
                guard layer.views != nil, viewOffset + viewCount <= FrameScratch.maximumViews else { continue }
                let copies = scratch.views + viewOffset
                guard let kept = step.rewriteViews(of: layer, at: index, into: copies, scratch) else {
                    failed = true
                    continue
                }
                scratch.projections[index] = layer
                scratch.projections[index].viewCount = UInt32(kept)
                scratch.projections[index].views = UnsafePointer(copies)
                viewOffset += viewCount
                scratch.layerPointers[index] = UnsafeRawPointer(scratch.projections + index)
                    .assumingMemoryBound(to: XrCompositionLayerBaseHeader.self)
            } else if let kind = SingleImageLayer.of(header.pointee.type), step.rewritesSingleImage(at: index, scratch) {
                let copy = scratch.singleImageLayers + index * SingleImageLayer.maximumSize
                copy.copyMemory(from: UnsafeRawPointer(header), byteCount: kind.size)
                let subImage = (copy + kind.subImageOffset).assumingMemoryBound(to: XrSwapchainSubImage.self)
                if !step.rewriteSubImage(&subImage.pointee, at: index, scratch) { failed = true }
                scratch.layerPointers[index] = UnsafeRawPointer(copy)
                    .assumingMemoryBound(to: XrCompositionLayerBaseHeader.self)
            }
        }
        if !step.end() { failed = true }
        if failed { return failedFrame(step, info, frame) }
        var rewritten = info
        rewritten.layers = UnsafePointer(scratch.layerPointers)
        return .rewritten(rewritten)
    }

    /// The frame whose own work failed: as the step says.
    private func failedFrame(_ step: any ViewStep, _ info: XrFrameEndInfo, _ frame: FrameLayers) -> ComposedFrame {
        guard case .withoutLayers = step.afterFailure else { return .unchanged }
        return without(step, info, frame)
    }

    /// The frame without the layers the step cannot keep: its other layers
    /// still show, and the app keeps running.
    private func without(_ step: any ViewStep, _ info: XrFrameEndInfo, _ frame: FrameLayers) -> ComposedFrame {
        var kept = 0
        for index in 0..<frame.count where step.keepsAfterFailure(frame.pointers[index], at: index, scratch) {
            scratch.layerPointers[kept] = frame.pointers[index]
            kept += 1
        }
        guard kept < frame.count else { return .unchanged }
        var reduced = info
        reduced.layerCount = UInt32(kept)
        reduced.layers = kept > 0 ? UnsafePointer(scratch.layerPointers) : nil
        return .rewritten(reduced)
    }
}
