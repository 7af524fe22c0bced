import COpenXR

/// The session and its frame loop: lifecycle events, xrWaitFrame / the CPU
/// load / xrBeginFrame / the GPU load / xrEndFrame with one projection layer
/// holding every view of the view configuration (2 in stereo, 4 with quad
/// views), and a request to exit when --frames or --seconds is reached.
/// With --frame-log it also keeps the app's own measurement of every frame.
final class LoadgenSession {
    struct Options {
        var baseLoad: FrameLoad
        var schedule: LoadSchedule
        var pattern: TestPattern
        var targets: RenderTargets.Options
        var frameLimit: UInt64?
        var secondsLimit: Double?
        /// 1: one thread runs the whole frame; 2: xrWaitFrame on this thread,
        /// the rest of the frame on a render thread (LoadgenSession+Threads).
        var threads = 1
        /// Render the size XR_META_recommended_layer_resolution recommends.
        var dynamicResolution = false
        /// Enable XR_EXT_performance_settings, ask for sustained high levels
        /// and report the notifications received.
        var performanceSettings = false
        /// PRIMARY_STEREO, or PRIMARY_QUAD_VARJO (--quad-views).
        var viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO
        /// `active`: chain XrViewLocateFoveatedRenderingVARJO to every xrLocateViews.
        var foveated = FoveatedRendering.State.off
        /// Create, attach and sync an action set every frame (--actions).
        var actions = false
        /// Views in the projection layer: nil submits the configuration's
        /// count; otherwise the first located views, the last repeated past
        /// the count (--submit-views, to test how bad frames are refused).
        var submitViews: Int?
        /// CPU milliseconds the thread that called xrWaitFrame spins right
        /// after it returns (--sim-cpu-ms); with 2 threads before the hand-over.
        var simCpuMilliseconds = 0.0
        /// CPU milliseconds the render thread spins right after xrBeginFrame (--render-cpu-ms).
        var renderCpuMilliseconds = 0.0
        /// Milliseconds the render thread then sleeps before the frame's GPU
        /// work (--render-idle-ms).
        var renderIdleMilliseconds = 0.0
        /// Keep a FrameLog of every submitted frame (--frame-log).
        var frameLog = false
    }

    let connection: XrConnection
    private let vulkan: VulkanDevice
    let options: Options
    let session: XrSession
    private var space: XrSpace?
    private var targets: RenderTargets?
    private var compute: ComputeLoad?
    private var recommendedResolution: RecommendedResolution?
    private var actionSync: ActionSync?
    var running = false
    var exitRequested = false
    var finished = false
    /// Set while a render thread runs frames (--threads 2).
    var handoff: FrameHandoff?
    private(set) var summary = RunSummary()
    /// --frame-log: appended to by the thread that submits frames; complete
    /// once `run` has returned.
    private(set) var frameLog: FrameLog?
    /// --frame-log with --threads 2: the waiting thread's simulation spans
    /// (only that thread touches them).
    var simulationSpans: SimulationSpans?
    private let simCpuNs: UInt64
    private let renderCpuNs: UInt64
    private let renderIdleNs: UInt64

    // Submitted every frame; allocated once (the frame loop allocates nothing).
    private let viewCount: Int
    private let submitCount: Int
    private let views: UnsafeMutablePointer<XrView>
    private let projectionViews: UnsafeMutablePointer<XrCompositionLayerProjectionView>
    private let projection = UnsafeMutablePointer<XrCompositionLayerProjection>.allocate(capacity: 1)
    private let layerList = UnsafeMutablePointer<UnsafePointer<XrCompositionLayerBaseHeader>?>.allocate(capacity: 1)
    /// Chained to xrLocateViews' info while foveated rendering is active.
    private let foveatedLocate = UnsafeMutablePointer<XrViewLocateFoveatedRenderingVARJO>.allocate(capacity: 1)
    /// Per swapchain: the image acquired this frame.
    private var imageIndices: [UInt32] = []

    init(connection: XrConnection, vulkan: VulkanDevice, options: Options) throws(LoadgenError) {
        self.connection = connection
        self.vulkan = vulkan
        self.options = options
        viewCount = ViewConfiguration.viewCount(of: options.viewConfigurationType)
        submitCount = options.submitViews ?? viewCount
        simCpuNs = UInt64(max(0, options.simCpuMilliseconds) * 1e6)
        renderCpuNs = UInt64(max(0, options.renderCpuMilliseconds) * 1e6)
        renderIdleNs = UInt64(max(0, options.renderIdleMilliseconds) * 1e6)
        if options.frameLog {
            let capacity = FrameLog.capacity(frameLimit: options.frameLimit, secondsLimit: options.secondsLimit)
            frameLog = FrameLog(capacity: capacity)
            if options.threads == 2 { simulationSpans = SimulationSpans(capacity: capacity) }
        }
        views = .allocate(capacity: viewCount)
        projectionViews = .allocate(capacity: max(submitCount, 1))
        foveatedLocate.initialize(to: XrViewLocateFoveatedRenderingVARJO(
            type: XR_TYPE_VIEW_LOCATE_FOVEATED_RENDERING_VARJO, next: nil, foveatedRenderingActive: XrBool32(XR_TRUE)))
        var binding = vulkan.sessionBinding
        var created: XrSession?
        let result = withUnsafePointer(to: &binding) { binding in
            var info = XrSessionCreateInfo()
            info.type = XR_TYPE_SESSION_CREATE_INFO
            info.next = UnsafeRawPointer(binding)
            info.systemId = connection.system
            return xrCreateSession(connection.instance, &info, &created)
        }
        try connection.check(result, "xrCreateSession")
        guard let created else { throw .unsupported("xrCreateSession returned no session") }
        session = created
        do throws(LoadgenError) {
            try createResources()
        } catch {
            destroy()
            throw error
        }
    }

    /// "2 x 256x256 R8G8B8A8_UNORM swapchains (write: storage), rendering 256x256 per eye"
    var setupDescription: String { targets?.setupDescription ?? "no swapchains" }

    /// Runs until the runtime ends the session (EXITING or LOSS_PENDING),
    /// then completes the frame log.
    func run() throws(LoadgenError) {
        if options.threads == 2 {
            try runOnTwoThreads()
        } else {
            try runOnOneThread()
        }
        try completeFrameLog()
    }

    private func runOnOneThread() throws(LoadgenError) {
        while !finished {
            try pollEvents()
            if finished { break }
            if running {
                if !exitRequested && shouldStop(frames: summary.frames, firstFrameStartNs: summary.firstFrameStartNs) {
                    try connection.check(xrRequestExitSession(session), "xrRequestExitSession")
                    exitRequested = true
                    continue  // a runtime may answer STOPPING at once: look before rendering more
                }
                try frame()
            } else {
                // Nothing to render until the runtime says READY: do not spin on the event queue.
                var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
                nanosleep(&pause, nil)
            }
        }
    }

    func destroy() {
        actionSync?.destroy()
        actionSync = nil
        compute?.destroy()
        compute = nil
        targets?.destroy()
        targets = nil
        if let space { xrDestroySpace(space) }
        space = nil
        xrDestroySession(session)
        views.deallocate()
        projectionViews.deallocate()
        projection.deallocate()
        layerList.deallocate()
        foveatedLocate.deallocate()
    }

    // MARK: - Lifecycle

    func shouldStop(frames: UInt64, firstFrameStartNs: UInt64?) -> Bool {
        if InterruptFlag.isRaised { return true }
        if let limit = options.frameLimit, frames >= limit { return true }
        if let limit = options.secondsLimit, let start = firstFrameStartNs,
           Double(CpuBusyWait.now() - start) / 1e9 >= limit { return true }
        return false
    }

    func pollEvents() throws(LoadgenError) {
        while true {
            var event = XrEventDataBuffer()
            event.type = XR_TYPE_EVENT_DATA_BUFFER
            let result = xrPollEvent(connection.instance, &event)
            try connection.check(result, "xrPollEvent")
            if result == XR_EVENT_UNAVAILABLE { return }
            switch event.type {
            case XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED:
                let changed = withUnsafeBytes(of: &event) { $0.load(as: XrEventDataSessionStateChanged.self) }
                try sessionStateChanged(to: changed.state)
            case XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING:
                finished = true
                return
            case XR_TYPE_EVENT_DATA_PERF_SETTINGS_EXT:
                let notification = withUnsafeBytes(of: &event) { $0.load(as: XrEventDataPerfSettingsEXT.self) }
                summary.performanceNotifications.append(PerformanceNotification(notification))
            default:
                continue
            }
        }
    }

    private func sessionStateChanged(to state: XrSessionState) throws(LoadgenError) {
        switch state {
        case XR_SESSION_STATE_READY:
            var info = XrSessionBeginInfo()
            info.type = XR_TYPE_SESSION_BEGIN_INFO
            info.primaryViewConfigurationType = options.viewConfigurationType
            try connection.check(xrBeginSession(session, &info), "xrBeginSession")
            running = true
        case XR_SESSION_STATE_STOPPING:
            simulationSpans?.close()
            try handoff?.drain()
            try connection.check(xrEndSession(session), "xrEndSession")
            running = false
        case XR_SESSION_STATE_EXITING, XR_SESSION_STATE_LOSS_PENDING:
            finished = true
        default:
            break
        }
    }

    // MARK: - Setup

    private func createResources() throws(LoadgenError) {
        var spaceInfo = XrReferenceSpaceCreateInfo()
        spaceInfo.type = XR_TYPE_REFERENCE_SPACE_CREATE_INFO
        spaceInfo.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL
        spaceInfo.poseInReferenceSpace.orientation.w = 1
        try connection.check(xrCreateReferenceSpace(session, &spaceInfo, &space), "xrCreateReferenceSpace")

        let configuration = try ViewConfiguration.enumerate(connection, options.viewConfigurationType,
                                                            foveated: options.foveated == .active)
        let targets = try RenderTargets(session: session, connection: connection, vulkan: vulkan,
                                        views: configuration.views, options: options.targets)
        self.targets = targets
        imageIndices = Array(repeating: 0, count: targets.swapchains.count)
        summary.views = targets.viewReports(pattern: options.pattern)
        summary.viewConfiguration = configuration.name
        summary.foveatedRendering = options.foveated
        summary.submittedViews = submitCount
        compute = try ComputeLoad(vulkan: vulkan, targets: targets, timed: options.frameLog)
        if options.dynamicResolution {
            recommendedResolution = try RecommendedResolution(connection: connection)
            summary.dynamicResolution = true
        }
        if options.performanceSettings {
            let setLevel = try connection.function("xrPerfSettingsSetPerformanceLevelEXT",
                                                   as: PFN_xrPerfSettingsSetPerformanceLevelEXT.self)
            for domain in [XR_PERF_SETTINGS_DOMAIN_CPU_EXT, XR_PERF_SETTINGS_DOMAIN_GPU_EXT] {
                try connection.check(setLevel(session, domain, XR_PERF_SETTINGS_LEVEL_SUSTAINED_HIGH_EXT),
                                     "xrPerfSettingsSetPerformanceLevelEXT")
            }
            summary.performanceSettings = true
        }
        if options.actions {
            actionSync = try ActionSync(connection: connection, session: session)
            summary.actions = true
        }

        for eye in 0..<viewCount {
            views[eye] = XrView()
            views[eye].type = XR_TYPE_VIEW
        }
        for index in 0..<submitCount {
            let eye = sourceView(of: index)
            projectionViews[index] = XrCompositionLayerProjectionView()
            projectionViews[index].type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW
            projectionViews[index].subImage.swapchain = targets.swapchain(of: eye).swapchain
            projectionViews[index].subImage.imageRect = targets.eyes[eye].rect
            projectionViews[index].subImage.imageArrayIndex = targets.eyes[eye].arrayIndex
        }
        projection.initialize(to: XrCompositionLayerProjection())
        projection.pointee.type = XR_TYPE_COMPOSITION_LAYER_PROJECTION
        projection.pointee.space = space
        projection.pointee.viewCount = UInt32(submitCount)
        projection.pointee.views = UnsafePointer(projectionViews)
        layerList[0] = UnsafeRawPointer(projection).assumingMemoryBound(to: XrCompositionLayerBaseHeader.self)
    }

    // MARK: - The frame

    private func frame() throws(LoadgenError) {
        try submitFrame(try waitFrame())
    }

    /// xrWaitFrame, then the simulation's CPU work (--sim-cpu-ms) on the
    /// same thread.
    func waitFrame() throws(LoadgenError) -> FrameTicket {
        var waitInfo = XrFrameWaitInfo()
        waitInfo.type = XR_TYPE_FRAME_WAIT_INFO
        var state = XrFrameState()
        state.type = XR_TYPE_FRAME_STATE
        try connection.check(xrWaitFrame(session, &waitInfo, &state), "xrWaitFrame")
        let ticket = FrameTicket(state: state, waitReturnNs: CpuBusyWait.now(), waitReturnCpuNs: CpuBusyWait.threadCpu())
        CpuBusyWait.spin(cpuNanoseconds: simCpuNs)
        return ticket
    }

    /// Everything after xrWaitFrame and the simulation's work; `begun` runs
    /// right after xrBeginFrame.
    func submitFrame(_ ticket: FrameTicket, begun: () -> Void = {}) throws(LoadgenError) {
        let state = ticket.state
        let waitReturn = ticket.waitReturnNs
        if summary.firstFrameStartNs == nil { summary.firstFrameStartNs = waitReturn }
        let load = options.schedule.load(atFrame: summary.frames, base: options.baseLoad)

        // GPU back-pressure and the CPU load both come before xrBeginFrame: the
        // layer's begin timestamp then marks when this frame's GPU work can start,
        // and app GPU time is not padded by CPU spinning.
        if let measured = try compute?.waitForFreeSlot() { frameLog?.setGpu(measured) }
        CpuBusyWait.spin(cpuNanoseconds: UInt64(max(0, load.cpuMilliseconds) * 1e6))

        // The frame log's spans: on one thread the simulation span ends at
        // this frame's xrBeginFrame, where the render span starts.
        let beginCpu = CpuBusyWait.threadCpu()
        var beginInfo = XrFrameBeginInfo()
        beginInfo.type = XR_TYPE_FRAME_BEGIN_INFO
        try connection.check(xrBeginFrame(session, &beginInfo), "xrBeginFrame")
        begun()
        // The render thread's own work, then its wait before the first
        // submit: the GPU has nothing of this frame's meanwhile.
        CpuBusyWait.spin(cpuNanoseconds: renderCpuNs)
        IdleWait.sleep(nanoseconds: renderIdleNs)
        if let actionSync {
            try actionSync.sync(session: session, connection: connection)
            summary.actionsSynced += 1
        }

        var layerCount: UInt32 = 0
        if state.shouldRender != 0, try locateViews(at: state.predictedDisplayTime) {
            chooseRenderSize(displayTime: state.predictedDisplayTime)
            try render(load: load)
            layerCount = 1
        }

        var endInfo = XrFrameEndInfo()
        endInfo.type = XR_TYPE_FRAME_END_INFO
        endInfo.displayTime = state.predictedDisplayTime
        endInfo.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE
        endInfo.layerCount = layerCount
        endInfo.layers = UnsafePointer(layerList)
        let endCpu = CpuBusyWait.threadCpu()
        try connection.check(xrEndFrame(session, &endInfo), "xrEndFrame")
        frameLog?.append(FrameLog.Record(
            frame: summary.frames, displayTimeNs: state.predictedDisplayTime,
            simCpuNs: options.threads == 1 ? beginCpu - ticket.waitReturnCpuNs : nil,
            renderCpuNs: endCpu - beginCpu, gpuNs: nil, shouldRender: state.shouldRender != 0))
        summary.frames += 1
        summary.lastFrameEndNs = CpuBusyWait.now()
    }

    /// After the last frame: the GPU times of frames still in flight (waited
    /// for) and, with 2 threads, the waiting thread's spans. The render
    /// thread has left by now.
    private func completeFrameLog() throws(LoadgenError) {
        guard frameLog != nil else { return }
        try compute?.finish { frameLog?.setGpu($0) }
        if let spans = simulationSpans?.spans { frameLog?.setSimulationSpans(spans) }
    }

    /// The located view that submitted view `index` shows: itself, or the
    /// last one for --submit-views beyond the configuration's count.
    private func sourceView(of index: Int) -> Int { min(index, viewCount - 1) }

    /// Fills the projection views' poses and fields of view; false when the
    /// runtime has no valid pose (nothing is submitted then, as the spec asks).
    private func locateViews(at time: XrTime) throws(LoadgenError) -> Bool {
        var info = XrViewLocateInfo()
        info.type = XR_TYPE_VIEW_LOCATE_INFO
        if options.foveated == .active { info.next = UnsafeRawPointer(foveatedLocate) }
        info.viewConfigurationType = options.viewConfigurationType
        info.displayTime = time
        info.space = space
        var viewState = XrViewState()
        viewState.type = XR_TYPE_VIEW_STATE
        var count: UInt32 = 0
        try connection.check(xrLocateViews(session, &info, &viewState, UInt32(viewCount), &count, views),
                             "xrLocateViews")
        let valid = UInt64(XR_VIEW_STATE_POSITION_VALID_BIT | XR_VIEW_STATE_ORIENTATION_VALID_BIT)
        guard count == UInt32(viewCount), viewState.viewStateFlags & valid == valid else { return false }
        for index in 0..<submitCount {
            projectionViews[index].pose = views[sourceView(of: index)].pose
            projectionViews[index].fov = views[sourceView(of: index)].fov
        }
        for eye in 0..<viewCount { summary.views[eye].fov = views[eye].fov }
        return true
    }

    /// --dynamic-resolution: ask with the full-size layer, render (and
    /// submit) the recommended size at each eye's rect origin; the full size
    /// while the answer is not valid yet.
    private func chooseRenderSize(displayTime: XrTime) {
        guard let recommendedResolution, targets != nil else { return }
        for index in 0..<submitCount { projectionViews[index].subImage.imageRect = targets!.eyes[sourceView(of: index)].rect }
        let full = targets!.eyes[0].rect.extent
        let size = recommendedResolution.recommended(session: session, layer: projection, displayTime: displayTime) ?? full
        // In place: a copy of the targets would copy their arrays every frame.
        targets!.render(size)
        for index in 0..<submitCount {
            projectionViews[index].subImage.imageRect = targets!.eyes[sourceView(of: index)].renderRect
        }
        summary.scaleSum += Double(targets!.eyes[0].rendered.width) / Double(max(full.width, 1))
    }

    /// One acquire and release per swapchain: with --swapchain-layout array
    /// both eyes draw into the same acquired image.
    private func render(load: FrameLoad) throws(LoadgenError) {
        guard let compute, let targets else { return }
        for (index, swapchain) in targets.swapchains.enumerated() {
            var acquireInfo = XrSwapchainImageAcquireInfo()
            acquireInfo.type = XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO
            try connection.check(xrAcquireSwapchainImage(swapchain.swapchain, &acquireInfo, &imageIndices[index]),
                                 "xrAcquireSwapchainImage")
            var waitInfo = XrSwapchainImageWaitInfo()
            waitInfo.type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO
            waitInfo.timeout = Int64.max  // XR_INFINITE_DURATION
            try connection.check(xrWaitSwapchainImage(swapchain.swapchain, &waitInfo), "xrWaitSwapchainImage")
        }
        try compute.submit(targets: targets, imageIndices: imageIndices, load: load, pattern: options.pattern,
                           frame: summary.frames)
        for swapchain in targets.swapchains {
            var releaseInfo = XrSwapchainImageReleaseInfo()
            releaseInfo.type = XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO
            try connection.check(xrReleaseSwapchainImage(swapchain.swapchain, &releaseInfo), "xrReleaseSwapchainImage")
        }
        for eye in targets.eyes { summary.renderedPixels += UInt64(eye.pixelCount) }
        summary.renderedFrames += 1
    }
}
