import ArgumentParser
import COpenXR
import Foundation

/// `xrperf-loadgen`: an OpenXR Vulkan app whose per-frame GPU and CPU cost is
/// set on the command line or by a schedule; xrperf's demo, bench and test client.
@main
struct LoadgenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xrperf-loadgen",
        abstract: "An OpenXR Vulkan app with controllable GPU and CPU load per frame.",
        discussion: """
            Runs a stereo (PRIMARY_STEREO) OpenXR session on the active runtime \
            (XR_RUNTIME_JSON; any API layers enabled with XR_ENABLE_API_LAYERS sit \
            in between) and submits one projection layer with both eyes every frame; \
            with --quad-views a PRIMARY_QUAD_VARJO session and a layer of 4 views.

            GPU LOAD: every frame a compute pass writes each eye's image rect with a \
            test pattern, running --gpu-iterations dependent arithmetic steps per \
            pixel whose result is written too, so GPU time grows with pixels x \
            iterations. --scale renders into a rectangle of the recommended size \
            times S (the projection views' imageRect), so pixel cost can be varied \
            as well. The work is submitted between xrBeginFrame and xrEndFrame, \
            where xrperf measures app GPU time; the GPU runs at most 2 frames behind.

            SWAPCHAINS: --format picks the colour format; it must be among those \
            xrEnumerateSwapchainFormats offers. The pass always writes \
            R8G8B8A8_UNORM texels, so the pattern values below are the bytes \
            stored, in every format: sRGB formats store them without encoding, \
            B8G8R8A8 formats hold them in B, G, R, A byte order (R is still R). \
            --write storage makes the swapchain image the storage image (usage \
            UNORDERED_ACCESS, plus MUTABLE_FORMAT and an R8G8B8A8_UNORM view for \
            formats other than unorm; the device must allow the format as a \
            storage image). --write copy renders into an R8G8B8A8_UNORM image of \
            the app's own and copies it into the swapchain image (usage \
            TRANSFER_DST), which any format of the same size allows. --write auto \
            (default) takes storage where the device allows it (unorm, usually \
            bgra-unorm) and copy otherwise (sRGB). --swapchain-layout separate \
            (default) makes one swapchain per eye; array makes one swapchain of \
            array size 2, eye i rendering into and submitting imageArrayIndex i. \
            Each eye's imageRect is its recommended size times --scale, at \
            --rect-offset X,Y (default 0,0); its image is the recommended size, \
            grown where needed so that the rect fits (the larger of the eyes' with \
            an array). Pixels outside the rect are never written. All of this \
            applies to every view of quad views; an array there holds a pair, \
            views 0 and 1 in one, the focus views 2 and 3 in another.

            PATTERNS (--pattern): (x, y) is the pixel inside the eye's rect, (0, 0) \
            its top-left pixel, y down; w x h is the rect's size. A pattern depends \
            on nothing else, so a rect of one size holds the same pixels at any \
            offset, in any format and layout, at any --gpu-iterations and, except \
            for bar, in every frame. Values are the stored 8-bit R, G, B ('/' integer \
            division; A is 255); B differs between the eyes in all but flat. With \
            quad views, focus view 2 draws as the left eye, 3 as the right.
              gradient           R = 255(2x+1)/(2w), G = 255(2y+1)/(2h),
                                 B = 51 left eye, 204 right eye
              checkerboard       32x32-pixel cells, "on" where x/32 + y/32 is odd
                                 (the cell at the rect's origin is off): on R = G = 255,
                                 off R = G = 0; B = (on ? 128 : 0) + (25 left, 102 right)
              fine-checkerboard  as checkerboard with 1x1 cells: on where x + y is odd
              text               black glyphs (0, 0, 0) on paper R = G = 255, B = 255
                                 left, 128 right: 12x16-pixel cells, cell (x/12, y/16)
                                 = (cx, cy) holding glyph (cx + 4cy) mod 9 of I E O / \\
                                 T X < and an italic l, drawn with 1- and 2-pixel
                                 strokes at 0, 30, 45, 63 and 90 degrees and a ring
                                 (exact shapes: Shaders/LoadPattern.comp, docs/loadgen.md)
              flat               one colour per view role: peripheral views (both stereo
                                 eyes, quad views 0 and 1) 32, 96, 160; focus views
                                 (quad views 2 and 3) 224, 160, 32; in every format
                                 these are the stored bytes (sRGB ones too)
              bar                moving, not exact: a vertical bar at x/w = frame/90
                                 (mod 1), +-0.04 w, R = G = 1.0 (0.15 elsewhere),
                                 B = (0.2 left, 0.8 right) x (y+0.5)/h

            CPU LOAD: after xrWaitFrame returns and the GPU is at most 2 frames \
            behind, the app busy-spins until its thread has used --cpu-ms \
            milliseconds of its own CPU time (CLOCK_THREAD_CPUTIME_ID), then calls \
            xrBeginFrame (CPU work is done before the frame's GPU work starts, so it \
            never inflates app GPU time). The work is the same on a busy machine, \
            where it takes longer; waiting (for the GPU, for the runtime) is not \
            part of it, as xrperf measures app CPU time per thread. Three more \
            amounts of work per frame, each 0 to 10000 ms and valid in every mode \
            (schedules do not set them), model an engine's threads: --sim-cpu-ms \
            spins the same way on the thread that called xrWaitFrame, right after \
            it returns (the simulation); --render-cpu-ms spins on the render \
            thread right after xrBeginFrame returns; --render-idle-ms then sleeps \
            that long in wall time on the render thread (nanosleep, no CPU work) \
            before the frame's GPU work is submitted, as a render thread waiting \
            on its game thread or a lock before its first vkQueueSubmit, while the \
            GPU idles. One frame, in order: xrWaitFrame, --sim-cpu-ms, [the \
            hand-over to the render thread], the wait for a free GPU slot, \
            --cpu-ms, xrBeginFrame, --render-cpu-ms, --render-idle-ms, \
            [xrSyncActions], xrLocateViews, acquire, GPU submit, release, \
            xrEndFrame. Frames the runtime does not want drawn (shouldRender \
            false) do all of it except xrLocateViews, the images and the GPU work.

            THREADS AND PIPELINING (--threads, --pipelined): --threads 1 (default) \
            runs the whole frame loop on one thread. --threads 2, or --pipelined \
            (the same; with --threads 1 a usage error), splits it as engines do: \
            the main (simulation) thread polls events, calls xrWaitFrame and runs \
            --sim-cpu-ms, then hands the frame (its XrFrameState and the time \
            xrWaitFrame returned) to a render thread, which waits for a free GPU \
            slot, runs --cpu-ms, calls xrBeginFrame, runs --render-cpu-ms and \
            --render-idle-ms, acquires, waits on and releases the swapchain \
            images, submits the GPU work and calls xrEndFrame. The main thread \
            goes on to the next xrWaitFrame as soon as the render thread has \
            called xrBeginFrame for the frame handed over (the spec lets \
            xrWaitFrame proceed only then), so the next wait and \
            the simulation work after it overlap the rest of the previous frame; \
            at most one frame waits to be rendered. Each thread then has the whole \
            display period: at 90 Hz --pipelined --sim-cpu-ms 9 --render-cpu-ms 7 \
            keeps full rate, where one thread, needing 16 ms a frame, shows every \
            other period. Before xrEndSession the main thread waits until the \
            render thread has ended every frame handed over, so --frames counts \
            frames submitted in both modes. A failure on the render thread ends \
            the run with exit status 1 like one on the main thread.

            FRAME LOG (--frame-log FILE): the app's own measurement of every \
            submitted frame, to set beside what a layer records for the same \
            frame (the same display_time_ns). FILE is created when the app starts \
            (if it cannot be, the app exits with status 1 naming it) and written \
            at exit, once the frames still on the GPU have finished: JSON Lines, \
            one object per submitted frame in submit order,
              {"frame":<n>,"display_time_ns":<t>,"sim_cpu_ns":<c>,
               "render_cpu_ns":<c>,"gpu_ns":<g or null>,"should_render":<bool>}
            (one line each). frame counts from 0; display_time_ns is the frame's \
            predictedDisplayTime. CPU times are the thread's own \
            (CLOCK_THREAD_CPUTIME_ID), in nanoseconds. sim_cpu_ns: the thread that \
            called xrWaitFrame, from its return to right before that thread's \
            next frame call: on one thread this frame's xrBeginFrame; with two \
            threads the next xrWaitFrame or, after the last frame, \
            xrRequestExitSession or the wait for the render thread to end its \
            frames (at session STOPPING or the loop's end), whichever comes first. \
            render_cpu_ns: the render thread, from right before xrBeginFrame to \
            right before xrEndFrame. gpu_ns: from a TOP_OF_PIPE timestamp first in \
            the frame's command buffer to a BOTTOM_OF_PIPE one last in it \
            (timestampPeriod, masked by the queue family's timestampValidBits); \
            null when the frame rendered nothing or the queue has no timestamps. \
            Only --frame-log adds the timestamps. Memory for the log is reserved \
            at the start (--frames, or --seconds at up to 1000 Hz, or 65536 \
            frames), so the frame loop does not allocate. A run that fails leaves \
            FILE empty.

            DYNAMIC RESOLUTION (--dynamic-resolution): enables \
            XR_META_recommended_layer_resolution (the runtime or an enabled API \
            layer such as xrperf must offer it, or the app exits with status 1) \
            and, every frame before rendering, calls \
            xrGetRecommendedLayerResolutionMETA with its projection layer at full \
            size (the rects above); while the answer is valid it renders and \
            submits that size at each eye's rect origin, otherwise the full size. \
            The last summary line then ends with mean_render_scale=<s>: the \
            rendered width over the full width, averaged over rendered frames.

            PERFORMANCE SETTINGS (--performance-settings): enables \
            XR_EXT_performance_settings (offered by the runtime or an enabled API \
            layer such as xrperf, or the app exits with status 1), asks for \
            SUSTAINED_HIGH on the CPU and GPU domains after creating the session, \
            and prints before the last summary line \
              performance_notifications=<n> <domain>:<from>-><to> ... \
            for every XrEventDataPerfSettingsEXT received (domain cpu or gpu; \
            levels normal, warning, impaired).

            QUAD VIEWS (--quad-views): enables XR_VARJO_quad_views (the runtime \
            or an enabled API layer must offer it, or the app exits with status 1), \
            requires XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO among \
            xrEnumerateViewConfigurations (exit 1 otherwise) and runs it: 4 views, \
            0 and 1 the wide peripheral views of the left and right eye, 2 and 3 \
            the narrow focus views inside them, each with its own swapchain at its \
            recommended size (times --scale), begun, located and submitted as \
            PRIMARY_QUAD_VARJO in one projection layer of 4 views. Every view gets \
            the load, so GPU time follows the total pixel count. --foveated also \
            enables XR_VARJO_foveated_rendering (exit 1 when not offered), asks \
            xrGetSystemProperties for XrSystemFoveatedRenderingPropertiesVARJO and, \
            when supportsFoveatedRendering is true, chains \
            XrFoveatedViewConfigurationViewVARJO (foveatedRenderingActive true) to \
            the views of xrEnumerateViewConfigurationViews and \
            XrViewLocateFoveatedRenderingVARJO to every xrLocateViews, so the focus \
            views follow the eyes; when it is false the app says so on standard \
            error and runs plain quad views. --foveated without --quad-views is a \
            usage error. With --dynamic-resolution the focus views render the \
            same fraction of their rect as view 0.

            ACTIONS (--actions): creates an action set with one boolean action, \
            suggests /user/hand/left/input/select/click for \
            /interaction_profiles/khr/simple_controller, attaches the set to the \
            session and calls xrSyncActions every frame after xrBeginFrame, before \
            xrLocateViews.

            SUBMITTED VIEWS (--submit-views N): the projection layer holds N views \
            (0 to 16) instead of the view configuration's count: the first N \
            located views, the last one repeated when N is larger. A runtime must \
            refuse such a frame (XR_ERROR_VALIDATION_FAILURE); the failed \
            xrEndFrame is reported by name and the app exits with status 1.

            SCHEDULE FILE (--schedule): one entry per line, '#' starts a comment; \
            frames are counted from 0 (the first submitted frame):
              frame <n> gpu-iterations <k> cpu-ms <x>
                  from frame n on use k iterations and x ms (give either or both)
              ramp <from-frame> <to-frame> gpu-iterations <a> <b>
              ramp <from-frame> <to-frame> cpu-ms <a> <b>
                  change linearly from a at from-frame to b at to-frame, then stay at b
            Before the first entry the command-line values apply; entries take \
            effect in order of their first frame, a later one overriding an earlier \
            one for the same quantity. A bad line stops the app before OpenXR starts \
            with '<file>:<line>: <what is wrong>' and exit status 2.

            ENDING: the app runs until the runtime ends the session (STOPPING, then \
            EXITING: XrSim does so after XRSIM_FRAMES frames), or asks it to end with \
            xrRequestExitSession after --frames frames, after --seconds seconds, or on \
            SIGINT/SIGTERM, whichever comes first. At exit it prints three lines to \
            standard output, each 'xrperf-loadgen: ' followed by, for eye 0 and 1,
              eye=<i> format=<VkFormat> layout=<separate|array> swapchain=<k>
                array_index=<layer> image_size=<W>x<H> rect_offset=<x>,<y>
                rect_size=<w>x<h> write=<storage|copy> pattern=<name>
            (one line each; VkFormat without VK_FORMAT_, e.g. R8G8B8A8_SRGB; \
            swapchain: 0 or 1, the same for both eyes with an array; image_size: \
            the swapchain's; rect: the submitted imageRect), then as the last line
              frames=<n> rendered=<r> seconds=<s> fps=<mean> pixels_per_frame=<p>
            frames: frames submitted; rendered: those the runtime wanted drawn \
            (shouldRender); seconds: from the first xrWaitFrame's return to the last \
            xrEndFrame's; pixels_per_frame: all views' rectangles per rendered frame. \
            With --quad-views each eye line also has role=<peripheral|focus> after \
            eye=<i> and ends with fov=<left>,<right>,<up>,<down>, the angles in \
            radians of the view's last xrLocateViews ('none' before any); with \
            --quad-views or --actions a line before the frame line says
              view_configuration=<PRIMARY_STEREO|PRIMARY_QUAD_VARJO> views=<n>
                submitted_views=<n> foveated_rendering=<off|active|unsupported>
                [actions_synced=<frames>]
            --json prints all of it, in every mode, as one JSON object instead \
            (fields: docs/loadgen.md).

            EXIT STATUS: 0 the session ended normally, 1 an OpenXR or Vulkan call \
            failed, the runtime lacks what the app needs or the frame log cannot \
            be written (message on standard error), 2 the schedule file cannot be \
            read or parsed, 64 usage error.

            EXAMPLES:
              xrperf-loadgen --frames 900 --gpu-iterations 200 --pattern bar
              xrperf-loadgen --seconds 10 --scale 1.4 --cpu-ms 4
              xrperf-loadgen --frames 600 --threads 2 --cpu-ms 3
              xrperf-loadgen --frames 900 --pipelined --sim-cpu-ms 9 --render-cpu-ms 7
              xrperf-loadgen --frames 300 --render-idle-ms 5 --frame-log frames.jsonl
              xrperf-loadgen --frames 300 --quad-views --foveated --actions --json
              xrperf-loadgen --frames 5 --pattern text --format srgb \\
                --swapchain-layout array --rect-offset 32,16 --scale 0.5
              XRPERF_RECORD=run.jsonl XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance \\
                xrperf-loadgen --schedule ramp.txt --frames 600
            """
    )

    @Option(name: .long, help: ArgumentHelp("Request the session's end after this many frames.", valueName: "n"))
    var frames: UInt64?

    @Option(name: .long, help: ArgumentHelp("Request the session's end after this many seconds.", valueName: "s"))
    var seconds: Double?

    @Option(name: .long, help: ArgumentHelp("ALU iterations per pixel of the compute pass.", valueName: "n"))
    var gpuIterations: UInt32 = 100

    @Option(name: .long, help: ArgumentHelp(
        "CPU busy time per frame on the render thread before xrBeginFrame, in milliseconds (0 to 10000).",
        valueName: "x"))
    var cpuMs: Double = 0

    @Option(name: .long, help: ArgumentHelp(
        "CPU busy time per frame on the thread that called xrWaitFrame, right after it returns (0 to 10000 ms; see THREADS AND PIPELINING).",
        valueName: "x"))
    var simCpuMs: Double = 0

    @Option(name: .long, help: ArgumentHelp(
        "CPU busy time per frame on the render thread right after xrBeginFrame (0 to 10000 ms).", valueName: "x"))
    var renderCpuMs: Double = 0

    @Option(name: .long, help: ArgumentHelp(
        "Sleep per frame on the render thread after its CPU work, before the GPU work is submitted (0 to 10000 ms of wall time; the GPU idles).",
        valueName: "x"))
    var renderIdleMs: Double = 0

    @Option(name: .long, help: ArgumentHelp(
        "Render into the recommended size times this factor (0.1 to the runtime's maximum).", valueName: "s"))
    var scale: Double = 1

    @Option(name: .long, help: ArgumentHelp(
        "Test pattern: gradient, checkerboard, fine-checkerboard, text (still, exact; see PATTERNS) or bar (moving).",
        valueName: "name"))
    var pattern: TestPattern = .gradient

    @Option(name: .long, help: ArgumentHelp(
        "Swapchain format: unorm (R8G8B8A8_UNORM), srgb (R8G8B8A8_SRGB), bgra-unorm or bgra-srgb (B8G8R8A8_*).",
        valueName: "format"))
    var format: SwapchainFormat = .unorm

    @Option(name: .long, help: ArgumentHelp(
        "separate (a swapchain per eye) or array (one swapchain of array size 2, eye i in layer i).",
        valueName: "layout"))
    var swapchainLayout: SwapchainLayout = .separate

    @Option(name: .long, help: ArgumentHelp(
        "How pixels reach the swapchain: storage (it is the storage image), copy (from an image of the app's own) or auto.",
        valueName: "method"))
    var write: WriteMethod = .auto

    @Option(name: .long, help: ArgumentHelp(
        "Offset of each eye's imageRect in its image, in pixels (0 to 16384 each); the image grows to fit.",
        valueName: "x,y"))
    var rectOffset = RectOffset(x: 0, y: 0)

    @Option(name: .long, help: ArgumentHelp("Load schedule file (format above).", valueName: "file"))
    var schedule: String?

    @Option(name: .long, help: ArgumentHelp(
        "vulkan2 (XR_KHR_vulkan_enable2) or vulkan (XR_KHR_vulkan_enable).", valueName: "api"))
    var graphics: GraphicsExtension = .vulkan2

    @Option(name: .long, help: ArgumentHelp(
        "1 (default): the frame loop on one thread; 2: xrWaitFrame on the main thread, the rest of each frame on a render thread (see THREADS AND PIPELINING).",
        valueName: "n"))
    var threads: Int?

    @Flag(name: .long, help: ArgumentHelp(
        "A simulation thread and a render thread, as engines run: the same as --threads 2 (see THREADS AND PIPELINING)."))
    var pipelined = false

    @Option(name: .long, help: ArgumentHelp(
        "Write the app's own timing of every submitted frame to this file as JSON Lines at exit (see FRAME LOG).",
        valueName: "file"))
    var frameLog: String?

    @Flag(name: .long, help: ArgumentHelp(
        "Render at the size XR_META_recommended_layer_resolution recommends each frame (see DYNAMIC RESOLUTION)."))
    var dynamicResolution = false

    @Flag(name: .long, help: ArgumentHelp(
        "Enable XR_EXT_performance_settings, ask for sustained high CPU and GPU levels, and list the notifications received (see PERFORMANCE SETTINGS)."))
    var performanceSettings = false

    @Flag(name: .long, help: ArgumentHelp(
        "Render the 4 views of XR_VARJO_quad_views (PRIMARY_QUAD_VARJO) instead of stereo (see QUAD VIEWS)."))
    var quadViews = false

    @Flag(name: .long, help: ArgumentHelp(
        "With --quad-views: enable XR_VARJO_foveated_rendering so the focus views follow the eyes (see QUAD VIEWS)."))
    var foveated = false

    @Flag(name: .long, help: ArgumentHelp(
        "Create and attach an action set and call xrSyncActions every frame before xrLocateViews (see ACTIONS)."))
    var actions = false

    @Option(name: .long, help: ArgumentHelp(
        "Submit n views (0 to 16) in the projection layer instead of the configuration's count, to test how a bad frame is refused (see SUBMITTED VIEWS).",
        valueName: "n"))
    var submitViews: Int?

    @Flag(name: .long, help: ArgumentHelp(
        "Print the run summary as one JSON object instead of the text lines (see ENDING)."))
    var json = false

    /// Threads running the frame loop: --pipelined is --threads 2.
    private var threadCount: Int { pipelined ? 2 : threads ?? 1 }

    func validate() throws {
        if let threads, threads != 1 && threads != 2 { throw ValidationError("--threads must be 1 or 2") }
        if pipelined && threads == 1 {
            throw ValidationError("--pipelined runs two threads; it cannot be combined with --threads 1")
        }
        if let frames, frames == 0 { throw ValidationError("--frames must be at least 1") }
        if let seconds, !(seconds > 0 && seconds.isFinite) { throw ValidationError("--seconds must be > 0") }
        for (option, milliseconds) in [("--cpu-ms", cpuMs), ("--sim-cpu-ms", simCpuMs), ("--render-cpu-ms", renderCpuMs),
                                       ("--render-idle-ms", renderIdleMs)]
        where !(milliseconds >= 0 && milliseconds <= 10_000) {
            throw ValidationError("\(option) must be 0...10000")
        }
        if !(scale >= 0.1 && scale <= 16) { throw ValidationError("--scale must be 0.1...16") }
        if foveated && !quadViews { throw ValidationError("--foveated needs --quad-views") }
        if let submitViews, !(0...16).contains(submitViews) { throw ValidationError("--submit-views must be 0...16") }
    }

    func run() throws {
        let loadSchedule = try readSchedule()
        InterruptFlag.install()
        do {
            // Before OpenXR starts: a path that cannot be written stops the app at once.
            let logFile = try frameLog.map { path throws(LoadgenError) in try FrameLogFile(path: path) }
            let summary = try runSession(schedule: loadSchedule, frameLog: logFile)
            if json {
                print(summary.json)
            } else {
                for line in summary.lines { print(line) }
            }
        } catch {
            FileHandle.standardError.write(Data("xrperf-loadgen: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func readSchedule() throws -> LoadSchedule {
        guard let schedule else { return LoadSchedule() }
        do {
            return try LoadSchedule(parsing: String(contentsOfFile: schedule, encoding: .utf8))
        } catch let error as LoadSchedule.ParseError {
            FileHandle.standardError.write(Data("xrperf-loadgen: \(schedule):\(error.line): \(error.message)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("xrperf-loadgen: cannot read schedule '\(schedule)': \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Extensions enabled when offered, each with the option that asks for it.
    private var optionalExtensions: [(option: String, name: String)] {
        (dynamicResolution ? [("--dynamic-resolution", RecommendedResolution.extensionName)] : [])
            + (performanceSettings ? [("--performance-settings", XR_EXT_PERFORMANCE_SETTINGS_EXTENSION_NAME)] : [])
            + (quadViews ? [("--quad-views", XR_VARJO_QUAD_VIEWS_EXTENSION_NAME)] : [])
            + (foveated ? [("--foveated", FoveatedRendering.extensionName)] : [])
    }

    private func runSession(schedule: LoadSchedule, frameLog: FrameLogFile?) throws(LoadgenError) -> RunSummary {
        let wanted = optionalExtensions
        let connection = try XrConnection(applicationName: "xrperf-loadgen", graphics: graphics,
                                          optional: wanted.map(\.name))
        defer { connection.destroy() }
        for (option, name) in wanted where !connection.enabledOptional.contains(name) {
            throw .unsupported("\(option): neither the runtime nor an enabled API layer offers \(name)")
        }
        let (viewType, foveation) = try viewConfiguration(connection)
        let vulkan = try VulkanDevice(connection: connection)
        defer { vulkan.destroy() }
        let options = LoadgenSession.Options(
            baseLoad: FrameLoad(gpuIterations: gpuIterations, cpuMilliseconds: cpuMs), schedule: schedule,
            pattern: pattern,
            targets: RenderTargets.Options(format: format, layout: swapchainLayout, write: write, scale: scale,
                                           rectOffset: rectOffset),
            frameLimit: frames, secondsLimit: seconds, threads: threadCount, dynamicResolution: dynamicResolution,
            performanceSettings: performanceSettings, viewConfigurationType: viewType, foveated: foveation,
            actions: actions, submitViews: submitViews, simCpuMilliseconds: simCpuMs,
            renderCpuMilliseconds: renderCpuMs, renderIdleMilliseconds: renderIdleMs, frameLog: frameLog != nil)
        let session = try LoadgenSession(connection: connection, vulkan: vulkan, options: options)
        FileHandle.standardError.write(Data(
            "xrperf-loadgen: runtime '\(connection.runtimeName)', GPU '\(vulkan.deviceName)', \(session.setupDescription)\n".utf8))
        defer { session.destroy() }
        try session.run()
        try frameLog?.write(session.frameLog?.jsonLines ?? "")
        return session.summary
    }

    /// Stereo, or quad views where the system lists them: foveated when
    /// asked for and the system can.
    private func viewConfiguration(_ connection: XrConnection) throws(LoadgenError)
        -> (XrViewConfigurationType, FoveatedRendering.State) {
        guard quadViews else { return (XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, .off) }
        try ViewConfiguration.requireQuad(connection)
        var foveation = FoveatedRendering.State.off
        if foveated {
            foveation = try FoveatedRendering.isSupported(connection) ? .active : .unsupported
            if foveation == .unsupported {
                FileHandle.standardError.write(Data(
                    "xrperf-loadgen: --foveated: the system reports no foveated rendering support (supportsFoveatedRendering is XR_FALSE); rendering quad views without it\n".utf8))
            }
        }
        return (XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO, foveation)
    }
}
