import Foundation
import Testing

/// xrperf-loadgen's options for testing a layer's handling of views and
/// input, on a stereo session straight on XrSim: --submit-views (a wrong
/// view count is refused by name), --pattern flat (exact bytes in XrSim's
/// dumps), --json (every view's rect, image and located field of view, and
/// the pixels per frame) and --actions (an ordinary action set, synced every
/// frame before xrLocateViews, as api_dump sees it).
@Suite struct LoadgenFrameOptionsTests {
    static let peripheral: [UInt8] = [32, 96, 160, 255]

    /// A stereo session must submit 2 views; XrSim refuses any other count
    /// with XR_ERROR_VALIDATION_FAILURE, which loadgen names before exit 1,
    /// printing no summary.
    @Test(arguments: [0, 1, 3])
    func aWrongViewCountIsRefusedByName(views: Int) throws {
        let run = try LoadgenXrSimRun(["--frames", "5", "--gpu-iterations", "0", "--submit-views", String(views)])
        defer { run.cleanUp() }
        #expect(run.output.status == 1 && !run.output.timedOut, run.context)
        #expect(run.output.stderr.contains("xrperf-loadgen: xrEndFrame failed: XR_ERROR_VALIDATION_FAILURE (-1)"), run.context)
        #expect(run.output.stderr.contains("[xrsim] xrEndFrame rejected: XR_ERROR_VALIDATION_FAILURE"), run.context)
        #expect(!run.output.stdout.contains("frames="), run.context)
    }

    /// The right count through the same option is accepted: what fails above is the count.
    @Test func theConfigurationsCountIsAccepted() throws {
        let run = try LoadgenXrSimRun(["--frames", "5", "--gpu-iterations", "0", "--submit-views", "2", "--json"])
        defer { run.cleanUp() }
        #expect(run.output.status == 0 && !run.output.timedOut, run.context)
        #expect(try run.summary()["submitted_views"] as? Int == 2, run.context)
        #expect(SessionSummaries.runtimeFrames(run.output.stderr) == [5], run.context)
    }

    @Test func badValuesAreUsageErrors() throws {
        for arguments in [["--submit-views", "17"], ["--submit-views=-1"], ["--submit-views", "x"], ["--foveated"],
                          ["--pattern", "flat-ish"]] {
            let run = try LoadgenXrSimRun(arguments)
            defer { run.cleanUp() }
            #expect(run.output.status == 64, Comment(rawValue: "\(arguments): \(run.output.combined)"))
        }
    }

    /// Flat: every byte of both stereo views is the peripheral colour, in
    /// UNORM and sRGB formats (stored as written), either layout and write
    /// method, at a rect offset. No tolerance: the bytes are exact.
    @Test(arguments: [["--format", "unorm"], ["--format", "srgb", "--swapchain-layout", "array"],
                      ["--format", "bgra-srgb", "--rect-offset", "7,3", "--scale", "0.5"],
                      ["--format", "bgra-unorm", "--swapchain-layout", "array", "--write", "copy"]])
    func flatFillsEveryStereoViewWithThePeripheralColour(arguments: [String]) throws {
        let run = try LoadgenXrSimRun(["--frames", "5", "--gpu-iterations", "3", "--pattern", "flat"] + arguments,
                                      extra: ["XRSIM_DUMP_FRAMES": "2,4"])
        defer { run.cleanUp() }
        #expect(run.output.status == 0 && !run.output.timedOut, run.context)
        #expect(run.dumpFiles == ["frame-2-layer-0-view-0.pam", "frame-2-layer-0-view-1.pam",
                                  "frame-4-layer-0-view-0.pam", "frame-4-layer-0-view-1.pam"], run.context)
        let side = arguments.contains("0.5") ? 128 : 256
        for name in run.dumpFiles {
            let image = try run.dump(name)
            #expect(image.width == side && image.height == side, "\(name)")
            #expect(LoadgenXrSimRun.colours(image) == [Self.peripheral], "\(name): \(LoadgenXrSimRun.colours(image).prefix(5))")
        }
    }

    /// --json on stereo: one object with the configuration, both views'
    /// rects, images and located fields of view (XrSim's asymmetric eye
    /// frusta), and the pixels per frame as the sum of the rects' areas;
    /// the text summary of the same run says the same.
    @Test func jsonSummaryOfAStereoRun() throws {
        let arguments = ["--frames", "6", "--gpu-iterations", "0", "--scale", "0.5", "--rect-offset", "200,150",
                         "--swapchain-layout", "array", "--format", "srgb"]
        let run = try LoadgenXrSimRun(arguments + ["--json"])
        defer { run.cleanUp() }
        #expect(run.output.status == 0 && !run.output.timedOut, run.context)
        let summary = try run.summary()
        #expect(summary["view_configuration"] as? String == "PRIMARY_STEREO", run.context)
        #expect(summary["frames"] as? Int == 6 && summary["rendered"] as? Int == 5, run.context)
        #expect(summary["submitted_views"] as? Int == 2, run.context)
        #expect(summary["foveated_rendering"] as? String == "off", run.context)
        #expect(summary["mean_render_scale"] == nil && summary["actions_synced"] == nil, run.context)
        let views = try run.summaryViews()
        #expect(views.count == 2, run.context)
        var area = 0
        for (index, view) in views.enumerated() {
            #expect(view["index"] as? Int == index && view["role"] as? String == "peripheral", run.context)
            #expect(view["format"] as? String == "R8G8B8A8_SRGB" && view["write"] as? String == "copy", run.context)
            #expect(view["swapchain"] as? Int == 0 && view["array_index"] as? Int == index, run.context)
            let image = try #require(view["image_size"] as? [String: Int], run.context)
            #expect(image == ["width": 328, "height": 278], run.context)
            let rect = try #require(view["rect"] as? [String: Int], run.context)
            #expect(rect == ["x": 200, "y": 150, "width": 128, "height": 128], run.context)
            area += rect["width", default: 0] * rect["height", default: 0]
            let fov = try #require(view["fov"] as? [String: Double], run.context)
            let (left, right) = (fov["angle_left", default: 0], fov["angle_right", default: 0])
            let (up, down) = (fov["angle_up", default: 0], fov["angle_down", default: 0])
            #expect(left < 0 && right > 0 && up > 0 && down < 0, run.context)
            // XrSim's frusta lean outwards: the left eye sees further left.
            #expect(index == 0 ? -left > right : right > -left, run.context)
        }
        #expect(summary["pixels_per_frame"] as? Int == area && area == 2 * 128 * 128, run.context)

        let text = try LoadgenXrSimRun(arguments)
        defer { text.cleanUp() }
        let lines = text.output.stdout.split(separator: "\n")
        #expect(lines.count == 3 && lines.last?.hasSuffix(" pixels_per_frame=\(area)") == true, text.context)
        #expect(!text.output.stdout.contains("role=") && !text.output.stdout.contains("view_configuration="), text.context)
    }

    /// --actions: the action set is created, its binding suggested and the
    /// set attached before xrBeginSession, and every frame syncs after
    /// xrBeginFrame and before that frame's xrLocateViews. XrSim refuses a
    /// sync of unattached sets and unknown bindings; Khronos' core_validation
    /// sits above it and must find nothing.
    @Test(arguments: [1, 2])
    func actionsAreSyncedEveryFrameBeforeLocatingViews(threads: Int) throws {
        let frames = 8
        let run = try LoadgenXrSimRun(["--frames", String(frames), "--gpu-iterations", "0", "--actions",
                                       "--threads", String(threads)],
                                      layers: [XrEnvironment.coreValidation], trace: true)
        defer { run.cleanUp() }
        #expect(run.output.status == 0 && !run.output.timedOut, run.context)
        #expect(run.output.stdout.contains(
            "xrperf-loadgen: view_configuration=PRIMARY_STEREO views=2 submitted_views=2 foveated_rendering=off actions_synced=\(frames)\n"),
            run.context)
        #expect(!run.output.stderr.contains("unknown interaction profile") && !run.output.stderr.contains("is not a path of"),
                run.context)
        let messages = run.validationMessages()
        #expect(!messages.contains("VUID") && !messages.lowercased().contains("error"), Comment(rawValue: messages))

        let trace = try run.trace()
        let paths = trace.calls("xrStringToPath").compactMap { $0.fields["pathString"] }
        #expect(paths.contains("/interaction_profiles/khr/simple_controller"), "\(paths)")
        #expect(paths.contains("/user/hand/left/input/select/click"), "\(paths)")
        let boolean = trace.calls("xrCreateAction").first?.fields["createInfo->actionType"]
        #expect(boolean == "1", "actionType \(boolean ?? "none")")  // XR_ACTION_TYPE_BOOLEAN_INPUT
        let attach = try #require(trace.first("xrAttachSessionActionSets"), "no xrAttachSessionActionSets")
        let suggest = try #require(trace.first("xrSuggestInteractionProfileBindings"), "no suggested bindings")
        let begin = try #require(trace.first("xrBeginSession"), "no xrBeginSession")
        #expect(suggest < attach && attach < begin)
        #expect(trace.calls("xrSyncActions").count == frames)

        var syncedSinceBegin = false
        var located = 0
        for call in trace.calls {
            switch call.name {
            case "xrBeginFrame": syncedSinceBegin = false
            case "xrSyncActions": syncedSinceBegin = true
            case "xrLocateViews":
                located += 1
                #expect(syncedSinceBegin, "xrLocateViews \(located) without xrSyncActions after its xrBeginFrame")
            default: break
            }
        }
        #expect(located >= frames - 2, "only \(located) xrLocateViews")
    }
}
