import COpenXR
import XrSimCore

func xrsimWaitFrame(_ session: XrSession?, _ frameWaitInfo: UnsafePointer<XrFrameWaitInfo>?,
                    _ frameState: UnsafeMutablePointer<XrFrameState>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let gate = try locked { registry throws(XrSimError) -> (FrameGpuGate, VkFence)? in
            let object = try registry.session(session)
            // frameWaitInfo is optional (spec 10.4.1).
            if let info = frameWaitInfo { try expectType(info.pointee.type, XR_TYPE_FRAME_WAIT_INFO) }
            try expectType(try required(frameState).pointee.type, XR_TYPE_FRAME_STATE)
            guard object.lifecycle.isRunning else { throw .sessionNotRunning }
            guard let gate = object.gpuGate, let fence = gate.takeForWait() else { return nil }
            return (gate, fence)
        }
        // The GPU work of the frame before the last first, outside the lock:
        // this frame's display time starts from when the GPU is free for it.
        if let (gate, fence) = gate { gate.wait(for: fence) }
        let timing = try locked { registry throws(XrSimError) -> FrameTiming in
            let object = try registry.session(session)
            guard object.lifecycle.isRunning else { throw .sessionNotRunning }
            registry.switchRefreshRateIfRequested(object, session: handleID(session))
            return object.pacer.nextFrame(now: monotonicNow())
        }
        // Never sleep holding the lock: begin/end on other threads must proceed.
        if let wake = timing.wakeAt { sleep(untilMonotonic: wake) }
        let shouldRender = try locked { registry throws(XrSimError) -> Bool in
            let object = try registry.session(session)
            object.gaze.frameWaited(object.frameLoop.stats.waits, displayTime: timing.predictedDisplayTime)
            object.frameLoop.waited()
            return object.lifecycle.shouldRender
        }
        let state = frameState!
        state.pointee.predictedDisplayTime = timing.predictedDisplayTime
        state.pointee.predictedDisplayPeriod = timing.predictedDisplayPeriod
        state.pointee.shouldRender = XrBool32(shouldRender ? XR_TRUE : XR_FALSE)
        return XR_SUCCESS
    }
}

func xrsimBeginFrame(_ session: XrSession?, _ frameBeginInfo: UnsafePointer<XrFrameBeginInfo>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.session(session)
            if let info = frameBeginInfo { try expectType(info.pointee.type, XR_TYPE_FRAME_BEGIN_INFO) }
            guard object.lifecycle.isRunning else { throw .sessionNotRunning }
            switch try object.frameLoop.begin() {
            case .begun: return XR_SUCCESS
            case .discardedPrevious:
                Log.debug("xrBeginFrame: previous frame discarded")
                return XrResult(.frameDiscarded)
            }
        }
    }
}

func xrsimEndFrame(_ session: XrSession?, _ frameEndInfo: UnsafePointer<XrFrameEndInfo>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        try locked { registry throws(XrSimError) -> XrResult in
            let object = try registry.session(session)
            let info = try required(frameEndInfo).pointee
            try expectType(info.type, XR_TYPE_FRAME_END_INFO)
            guard object.lifecycle.isRunning else { throw .sessionNotRunning }
            try object.frameLoop.checkCanEnd()
            let id = handleID(session)
            let enabled = registry.instanceOf(session: object)?.extensions ?? []
            let depthEnabled = enabled.contains(.compositionLayerDepth)
            let curvedTypes = CurvedLayerTypes(cylinder: enabled.contains(.compositionLayerCylinder),
                                               equirect: enabled.contains(.compositionLayerEquirect),
                                               equirect2: enabled.contains(.compositionLayerEquirect2))
            let viewCount = object.viewConfiguration.viewCount
            let frame = try readSubmittedFrame(info, maxLayers: Int(maxLayerCount), viewCount: viewCount, readDepth: depthEnabled,
                                               curvedTypes: curvedTypes)
            let rules = SubmissionRules(
                supportedBlendModes: [Int32(bitPattern: XR_ENVIRONMENT_BLEND_MODE_OPAQUE.rawValue)],
                maxLayerCount: Int(maxLayerCount),
                viewCount: viewCount,
                spaces: Set(registry.spaces.handles(where: { $0.session == id })),
                swapchains: registry.swapchainFacts(of: id))
            do throws(XrSimError) {
                try rules.validate(frame)
            } catch {
                Log.warn("xrEndFrame rejected: \(resultString(error.rawValue))")
                throw error
            }
            let submitted = object.frameLoop.ended()
            object.gpuGate?.frameEnded()
            if let dump = object.dump, dump.frames.contains(submitted - 1) {
                dumpFrame(frame, index: submitted - 1, settings: dump, session: object, registry: registry)
            }
            registry.announce(object.lifecycle.frameEnded(submittedFrames: submitted), session: id)
            return XR_SUCCESS
        }
    }
}

extension Registry {
    func swapchainFacts(of session: UInt64) -> [UInt64: SwapchainFacts] {
        var facts: [UInt64: SwapchainFacts] = [:]
        for handle in swapchains.handles(where: { $0.session == session }) {
            let s = swapchains[handle]!
            facts[handle] = SwapchainFacts(width: s.width, height: s.height, arraySize: s.arraySize,
                                           hasReleasedImage: s.ring.hasReleasedImage)
        }
        return facts
    }
}
