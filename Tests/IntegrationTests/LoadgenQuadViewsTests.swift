import Foundation
import Testing

/// xrperf-loadgen --quad-views (XR_VARJO_quad_views) through the real loader
/// on XrSim: a clear refusal where the extension is not offered, and, where
/// XrSim offers it (XRSIM_EXTENSIONS), the whole client path as the spec asks
/// (view configuration listed, 4 views enumerated, begun, located and
/// submitted as PRIMARY_QUAD_VARJO, a swapchain per view) with every view's
/// pixels in XrSim's dumps and the summary's rects, fields of view and pixel count.
@Suite struct LoadgenQuadViewsTests {
    static let peripheral: [UInt8] = [32, 96, 160, 255]
    static let focus: [UInt8] = [224, 160, 32, 255]
    static let quadType = "1000037000"  // XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO

    /// Neither XrSim (by default) nor a layer offers the extension: exit 1
    /// naming option and extension, before any session, like the other
    /// optional extensions; --foveated is named only once quad views exist.
    @Test(arguments: [["--quad-views"], ["--quad-views", "--foveated"], ["--quad-views", "--actions", "--json"]])
    func notOfferedIsAClearError(arguments: [String]) throws {
        let run = try LoadgenXrSimRun(["--frames", "3"] + arguments)
        defer { run.cleanUp() }
        #expect(run.output.status == 1 && !run.output.timedOut, run.context)
        #expect(run.output.stderr.contains(
            "xrperf-loadgen: --quad-views: neither the runtime nor an enabled API layer offers XR_VARJO_quad_views\n"),
            run.context)
        #expect(run.output.stdout.isEmpty, run.context)
        #expect(SessionSummaries.runtimeFrames(run.output.stderr).isEmpty, run.context)
        #expect(!run.output.stderr.contains("session created"), run.context)
    }

    @Test func foveatedNotOfferedIsAClearError() throws {
        let run = try LoadgenXrSimRun(["--frames", "3", "--quad-views", "--foveated"],
                                      extra: LoadgenXrSimRun.quadViewsRuntime)
        defer { run.cleanUp() }
        #expect(run.output.status == 1, run.context)
        #expect(run.output.stderr.contains(
            "xrperf-loadgen: --foveated: neither the runtime nor an enabled API layer offers XR_VARJO_foveated_rendering\n"),
            run.context)
    }

    /// Flat on 4 views: the peripheral colour in views 0 and 1, the focus
    /// colour in 2 and 3, each dump the size of its rect; the summary's
    /// pixels per frame is the four rects' area, and each focus view's field
    /// of view lies inside its eye's peripheral one (the extension's guarantee).
    @Test(arguments: [["--format", "unorm"], ["--format", "srgb", "--swapchain-layout", "array"],
                      ["--format", "bgra-unorm", "--rect-offset", "5,9", "--scale", "0.75", "--threads", "2"]])
    func flatQuadViewsByRole(arguments: [String]) throws {
        let run = try LoadgenXrSimRun(["--frames", "5", "--gpu-iterations", "2", "--pattern", "flat", "--quad-views",
                                       "--json"] + arguments,
                                      extra: LoadgenXrSimRun.quadViewsRuntime.merging(["XRSIM_DUMP_FRAMES": "3"]) { $1 })
        defer { run.cleanUp() }
        #expect(run.output.status == 0 && !run.output.timedOut, run.context)
        let summary = try run.summary()
        #expect(summary["view_configuration"] as? String == "PRIMARY_QUAD_VARJO", run.context)
        #expect(summary["submitted_views"] as? Int == 4, run.context)
        let views = try run.summaryViews()
        try #require(views.count == 4, run.context)
        #expect(run.dumpFiles == (0..<4).map { "frame-3-layer-0-view-\($0).pam" }, run.context)
        var area = 0
        var fovs: [[String: Double]] = []
        for (index, view) in views.enumerated() {
            let role = index < 2 ? "peripheral" : "focus"
            #expect(view["role"] as? String == role, run.context)
            let rect = try #require(view["rect"] as? [String: Int], run.context)
            let (width, height) = (rect["width", default: 0], rect["height", default: 0])
            area += width * height
            let image = try run.dump("frame-3-layer-0-view-\(index).pam")
            #expect(image.width == width && image.height == height, "view \(index)")
            #expect(image.comment("rect") == "\(rect["x", default: -1]) \(rect["y", default: -1]) \(width) \(height)",
                    "view \(index)")
            #expect(LoadgenXrSimRun.colours(image) == [index < 2 ? Self.peripheral : Self.focus],
                    "view \(index): \(LoadgenXrSimRun.colours(image).prefix(5))")
            fovs.append(try #require(view["fov"] as? [String: Double], run.context))
        }
        #expect(area > 0 && summary["pixels_per_frame"] as? Int == area, run.context)
        for eye in 0..<2 {
            let (outer, inner) = (fovs[eye], fovs[eye + 2])
            #expect(outer["angle_left", default: 0] <= inner["angle_left", default: 0]
                    && inner["angle_left", default: 0] < inner["angle_right", default: 0]
                    && inner["angle_right", default: 0] <= outer["angle_right", default: 0], "eye \(eye): \(fovs)")
            #expect(outer["angle_down", default: 0] <= inner["angle_down", default: 0]
                    && inner["angle_down", default: 0] < inner["angle_up", default: 0]
                    && inner["angle_up", default: 0] <= outer["angle_up", default: 0], "eye \(eye): \(fovs)")
        }
    }

    /// The existing patterns on all 4 views: a focus view draws as its
    /// eye's peripheral view does (view 2 as the left eye, 3 as the right).
    @Test func checkerboardOnEveryQuadView() throws {
        let run = try LoadgenXrSimRun(["--frames", "5", "--gpu-iterations", "2", "--pattern", "checkerboard",
                                       "--quad-views", "--format", "bgra-srgb", "--swapchain-layout", "array"],
                                      extra: LoadgenXrSimRun.quadViewsRuntime.merging(["XRSIM_DUMP_FRAMES": "3"]) { $1 })
        defer { run.cleanUp() }
        #expect(run.output.status == 0 && !run.output.timedOut, run.context)
        #expect(run.dumpFiles.count == 4, run.context)
        for view in 0..<4 {
            let image = try run.dump("frame-3-layer-0-view-\(view).pam")
            let tint = view % 2 == 0 ? 25 : 102
            var wrong = 0
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let on = (x / 32 + y / 32) % 2 == 1
                    let p = image.pixel(x: x, y: y)
                    if [Int(p.r), Int(p.g), Int(p.b), Int(p.a)] != [on ? 255 : 0, on ? 255 : 0, (on ? 128 : 0) + tint, 255] {
                        wrong += 1
                    }
                }
            }
            #expect(wrong == 0, "view \(view): \(wrong) pixels differ")
        }
    }

    /// What the runtime sees, through api_dump: the configuration looked up
    /// before the session is made, its 4 views enumerated before the
    /// swapchains, one swapchain per view at its recommended size, and every session call with PRIMARY_QUAD_VARJO and
    /// 4 views, the projection layer's views carrying the located fields of view.
    @Test func theRuntimeSeesAQuadViewsClient() throws {
        let run = try LoadgenXrSimRun(["--frames", "4", "--gpu-iterations", "0", "--quad-views", "--actions", "--json"],
                                      extra: LoadgenXrSimRun.quadViewsRuntime, trace: true)
        defer { run.cleanUp() }
        #expect(run.output.status == 0 && !run.output.timedOut, run.context)
        let trace = try run.trace()
        let listed = try #require(trace.first("xrEnumerateViewConfigurations"), "no xrEnumerateViewConfigurations")
        let enumerations = trace.calls("xrEnumerateViewConfigurationViews")
        #expect(enumerations.count == 2 && enumerations.allSatisfy { $0.fields["viewConfigurationType"] == Self.quadType })
        let enumerated = try #require(trace.first("xrEnumerateViewConfigurationViews"))
        let created = try #require(trace.first("xrCreateSession"))
        let firstSwapchain = try #require(trace.first("xrCreateSwapchain"))
        #expect(listed < created && enumerated < firstSwapchain)
        #expect(enumerations.last?.fields["viewCapacityInput"] == "0x4")
        // With the rect at the origin and scale 1, each image is its view's recommended size.
        let views = try run.summaryViews()
        let swapchains = trace.calls("xrCreateSwapchain")
        try #require(swapchains.count == 4 && views.count == 4, run.context)
        for view in 0..<4 {
            let image = try #require(views[view]["image_size"] as? [String: Int])
            let rect = try #require(views[view]["rect"] as? [String: Int])
            #expect(rect["width"] == image["width"] && rect["height"] == image["height"], "view \(view)")
            let hex = { (value: Int?) in "0x" + String(value ?? -1, radix: 16) }
            #expect(swapchains[view].fields["createInfo->width"] == hex(image["width"])
                    && swapchains[view].fields["createInfo->height"] == hex(image["height"])
                    && swapchains[view].fields["createInfo->arraySize"] == "0x1", "view \(view): \(image)")
        }
        #expect(views[2]["image_size"] as? [String: Int] != views[0]["image_size"] as? [String: Int],
                "XrSim's focus views are meant to differ in size from the peripheral ones")
        #expect(trace.calls("xrBeginSession").first?.fields["beginInfo->primaryViewConfigurationType"] == Self.quadType)
        let locates = trace.calls("xrLocateViews")
        #expect(!locates.isEmpty && locates.allSatisfy {
            $0.fields["viewLocateInfo->viewConfigurationType"] == Self.quadType && $0.fields["viewCapacityInput"] == "0x4"
        })
        let ends = trace.calls("xrEndFrame").filter { $0.fields["frameEndInfo->layerCount"] == "0x1" }
        #expect(ends.count == 3, "\(ends.count) frames with a layer")
        for end in ends {
            #expect(end.fields["frameEndInfo->layers[0]->viewCount"] == "0x4")
            for view in 0..<4 {
                let fov = try #require(views[view]["fov"] as? [String: Double])
                let submitted = end.fields["frameEndInfo->layers[0]->views[\(view)].fov.angleLeft"].flatMap(Double.init)
                #expect(submitted.map { abs($0 - fov["angle_left", default: 9]) < 1e-5 } == true,
                        "view \(view): submitted angleLeft \(submitted ?? .nan), located \(fov)")
            }
        }
        #expect(trace.calls("xrSyncActions").count == 4)
    }

    /// A quad session submitting 2 or 5 views is refused like a stereo one.
    @Test(arguments: [2, 5])
    func aWrongViewCountIsRefusedByName(views: Int) throws {
        let run = try LoadgenXrSimRun(["--frames", "5", "--gpu-iterations", "0", "--quad-views", "--submit-views",
                                       String(views)], extra: LoadgenXrSimRun.quadViewsRuntime)
        defer { run.cleanUp() }
        #expect(run.output.status == 1 && !run.output.timedOut, run.context)
        #expect(run.output.stderr.contains("xrperf-loadgen: xrEndFrame failed: XR_ERROR_VALIDATION_FAILURE (-1)"), run.context)
    }
}
