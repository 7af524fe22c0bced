import Foundation
import Testing
import XrPerfCore

/// Quad views emulated by xrperf, pixel by pixel, through the real loader:
/// xrperf-loadgen renders the four views of XR_VARJO_quad_views in flat
/// colours by role (periphery 32,96,160; focus 224,160,32), XrSim (stereo
/// only) dumps the two views it receives. Each eye must show the focus colour
/// inside the focus frustum's rectangle, the periphery outside, and between
/// them the blend the inset pass computes (InsetBlend), everywhere in the
/// image. Where the focus sits is computed here from the views loadgen
/// located, and checked against where the layer should have put it: on each
/// eye's optical axis (fixed) or where the scripted gaze points.
@Suite(.serialized) struct FoveationPixelTests {
    static let resolution = "400x360"
    static let periphery: SIMD3<Float> = [32, 96, 160]
    static let focus: SIMD3<Float> = [224, 160, 32]
    static let focusSize = 0.4
    static let edgeSmoothing = 0.1

    struct LocatedView {
        var role: String
        var fov: TangentFov
    }

    struct Run {
        var output: ProcessOutput
        var dumps: [Int: [PamImage]]
        var views: [LocatedView]
    }

    /// Runs loadgen on quad views and returns its output, the dumped views
    /// of `frames` and the last located views loadgen reported.
    static func run(_ variables: [String: String], frames dumped: [Int], total: Int? = nil, arguments extra: [String] = [],
                    layers: [String] = [XrEnvironment.xrperf], expectSuccess: Bool = true) throws -> Run {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        var env = try XrEnvironment(artifacts: artifacts, layers: layers, frames: 0)
        defer { env.cleanUp() }
        let dumps = env.scratch.appendingPathComponent("dumps")
        env.variables["XRSIM_RESOLUTION"] = resolution
        env.variables["XRSIM_DUMP_DIR"] = dumps.path
        env.variables["XRSIM_DUMP_FRAMES"] = dumped.map(String.init).joined(separator: ",")
        env.variables["VK_INSTANCE_LAYERS"] = "VK_LAYER_KHRONOS_validation"
        env.variables["XRPERF_FOCUS_SIZE"] = String(focusSize)
        env.variables["XRPERF_EDGE_SMOOTHING"] = String(edgeSmoothing)
        // The pass's filter as configured, every frame: the controller would
        // trade edge for bilinear when a busy machine makes frames late.
        env.variables["XRPERF_CONTROLLER"] = "false"
        env.variables.merge(variables) { _, new in new }
        let frames = total ?? (dumped.max() ?? 4) + 3
        let arguments = ["--frames", String(frames), "--gpu-iterations", "0", "--quad-views", "--pattern", "flat"] + extra
        let output = try runProcess(artifacts.loadgen.path, arguments, environment: env.environment, timeout: 180)
        let context = Comment(rawValue: "xrperf-loadgen \(arguments) \(variables):\n\(output.combined.suffix(4000))")
        #expect(!output.timedOut, context)
        #expect(!output.combined.contains("VUID-"), context)
        if layers.contains(XrEnvironment.coreValidation) {
            let messages = env.validationMessages()
            #expect(!messages.contains("VUID") && !messages.lowercased().contains("error"), Comment(rawValue: messages))
        }
        guard expectSuccess else { return Run(output: output, dumps: [:], views: []) }
        #expect(output.status == 0, context)
        var images: [Int: [PamImage]] = [:]
        for frame in dumped {
            images[frame] = try (0..<2).map { view in
                try PamImage.read(path: dumps.appendingPathComponent("frame-\(frame)-layer-0-view-\(view).pam").path)
            }
        }
        return Run(output: output, dumps: images, views: locatedViews(output.stdout + output.stderr))
    }

    /// The `eye=<i> role=<r> ... fov=l,r,u,d` lines of loadgen's summary.
    static func locatedViews(_ text: String) -> [LocatedView] {
        text.split(separator: "\n").compactMap { line -> LocatedView? in
            let fields = line.split(separator: " ")
            guard let role = fields.first(where: { $0.hasPrefix("role=") })?.dropFirst(5),
                  let fov = fields.first(where: { $0.hasPrefix("fov=") })?.dropFirst(4) else { return nil }
            let angles = fov.split(separator: ",").compactMap { Double($0) }
            guard angles.count == 4 else { return nil }
            return LocatedView(role: String(role), fov: TangentFov(left: tan(angles[0]), right: tan(angles[1]),
                                                                   up: tan(angles[2]), down: tan(angles[3])))
        }
    }

    static func rect(_ image: PamImage) -> PixelRect? {
        guard let line = image.comments.first(where: { $0.hasPrefix("rect ") }) else { return nil }
        let numbers = line.split(separator: " ").dropFirst().compactMap { Int32($0) }
        guard numbers.count == 4 else { return nil }
        return PixelRect(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
    }

    /// Compares every pixel of an eye's image with the flat composite: the
    /// blend of the two colours by InsetBlend's weight for the focus
    /// rectangle of `focusFov` in the eye's rect. Returns the worst channel
    /// difference, the number of focus-coloured pixels and the image.
    static func compare(_ image: PamImage, eye eyeFov: TangentFov, focus focusFov: TangentFov) throws
        -> (worst: Int, focusPixels: Int, placed: FocusPlacementInImage) {
        let target = try #require(rect(image))
        let placed = try #require(FocusPlacementInImage(eye: eyeFov, focus: focusFov, target: target))
        let inset = InsetRect(x0: Float(placed.x0), y0: Float(placed.y0), x1: Float(placed.x1), y1: Float(placed.y1))
        let blend = Float(placed.blendWidth(share: edgeSmoothing))
        var worst = 0
        var focusPixels = 0
        for y in Int(target.y)..<Int(target.y + target.height) {
            for x in Int(target.x)..<Int(target.x + target.width) {
                let weight = InsetBlend.weight(x: Int32(x), y: Int32(y), rect: inset, blendWidth: blend)
                let expected = periphery + (focus - periphery) * weight
                let pixel = image.pixel(x: x, y: y)
                let actual = SIMD3<Float>(Float(pixel.r), Float(pixel.g), Float(pixel.b))
                let difference = Int(((actual - expected) * (actual - expected)).max().squareRoot().rounded(.up))
                worst = max(worst, difference)
                if weight == 1, abs(actual.x - focus.x) <= 1 { focusPixels += 1 }
            }
        }
        return (worst, focusPixels, placed)
    }

    /// Where the layer should centre the focus of an eye (tangent plane).
    static func expectedFocus(_ eye: TangentFov, centre: TangentPoint) -> TangentFov {
        FocusFrustum.fov(of: eye, centre: centre, share: focusSize)
    }

    static func close(_ a: TangentFov, _ b: TangentFov) -> Bool {
        abs(a.left - b.left) < 2e-3 && abs(a.right - b.right) < 2e-3 && abs(a.up - b.up) < 2e-3 && abs(a.down - b.down) < 2e-3
    }

    /// The gaze of XRSIM_GAZE (yaw left, pitch up, degrees) as a point of an
    /// eye's tangent plane, the eyes looking straight ahead as XrSim's do.
    static func gazePoint(yaw: Double, pitch: Double) -> TangentPoint {
        let y = yaw * .pi / 180, p = pitch * .pi / 180
        let yawQ = GazeProjection.Quaternion(x: 0, y: sin(y / 2), z: 0, w: cos(y / 2))
        let pitchQ = GazeProjection.Quaternion(x: sin(p / 2), y: 0, z: 0, w: cos(p / 2))
        // yaw then pitch: q = yaw * pitch
        let q = GazeProjection.Quaternion(
            x: yawQ.w * pitchQ.x + yawQ.x * pitchQ.w + yawQ.y * pitchQ.z - yawQ.z * pitchQ.y,
            y: yawQ.w * pitchQ.y - yawQ.x * pitchQ.z + yawQ.y * pitchQ.w + yawQ.z * pitchQ.x,
            z: yawQ.w * pitchQ.z + yawQ.x * pitchQ.y - yawQ.y * pitchQ.x + yawQ.z * pitchQ.w,
            w: yawQ.w * pitchQ.w - yawQ.x * pitchQ.x - yawQ.y * pitchQ.y - yawQ.z * pitchQ.z)
        return GazeProjection.tangentPoint(gaze: q, eye: GazeProjection.Quaternion(x: 0, y: 0, z: 0, w: 1))!
    }

    /// Both ways of writing the runtime's image composite the same pixels.
    static func pathVariables(_ path: UpscalePassPath) -> [String: String] {
        // Storage writes to sRGB and BGRA images need what XrSim refuses by default, as Monado 25 does.
        path == .compute ? ["XRPERF_UPSCALE_PASS": "compute", "XRSIM_ALLOW_SRGB_STORAGE": "1"] : ["XRPERF_UPSCALE_PASS": "graphics"]
    }

    @Test(arguments: UpscalePassPath.allCases)
    func fixedFocusSitsOnEachEyesAxisWithTheBlendBand(path: UpscalePassPath) throws {
        let run = try Self.run(Self.pathVariables(path).merging(["XRPERF_FOVEATION": "fixed"]) { $1 }, frames: [4])
        let views = run.views
        try #require(views.count == 4, Comment(rawValue: run.output.combined.suffix(3000).description))
        #expect(views.map(\.role) == ["peripheral", "peripheral", "focus", "focus"])
        let images = try #require(run.dumps[4])
        var centres: [Double] = []
        for eye in 0..<2 {
            // The layer put the focus on the optical axis (tangent 0, 0).
            let expected = Self.expectedFocus(views[eye].fov, centre: TangentPoint(x: 0, y: 0))
            #expect(Self.close(views[2 + eye].fov, expected), "eye \(eye): \(views[2 + eye].fov) vs \(expected)")
            let result = try Self.compare(images[eye], eye: views[eye].fov, focus: views[2 + eye].fov)
            #expect(result.worst <= 2, "eye \(eye): worst channel difference \(result.worst)")
            let area = (result.placed.x1 - result.placed.x0) * (result.placed.y1 - result.placed.y0)
            #expect(Double(result.focusPixels) > 0.5 * area, "eye \(eye): \(result.focusPixels) focus pixels of \(area)")
            centres.append((result.placed.x0 + result.placed.x1) / 2)
        }
        // XrSim's frusta are asymmetric (wider towards the nose... and the
        // temple): the two insets are mirrored, not at the same x.
        #expect(abs(centres[0] - centres[1]) > 5, "\(centres)")
        #expect(run.output.stderr.contains("session began with quad views (fixed focus)"))
    }

    @Test func focusFollowsTheScriptedGazeAndMovesWithIt() throws {
        let run = try Self.run(["XRPERF_FOVEATION": "gaze", "XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction",
                                "XRSIM_GAZE": "0:-10:-5,4:15:10"], frames: [2, 7], arguments: ["--actions"])
        try #require(run.views.count == 4)
        #expect(run.output.stderr.contains("focus follows the gaze"), Comment(rawValue: run.output.stderr))
        var placedByFrame: [Int: [FocusPlacementInImage]] = [:]
        for (frame, gaze) in [(2, (-10.0, -5.0)), (7, (15.0, 10.0))] {
            let images = try #require(run.dumps[frame])
            let point = Self.gazePoint(yaw: gaze.0, pitch: gaze.1)
            for eye in 0..<2 {
                let focusFov = Self.expectedFocus(run.views[eye].fov, centre: point)
                if frame == 7 {
                    #expect(Self.close(run.views[2 + eye].fov, focusFov), "eye \(eye): \(run.views[2 + eye].fov) vs \(focusFov)")
                }
                let result = try Self.compare(images[eye], eye: run.views[eye].fov, focus: focusFov)
                #expect(result.worst <= 2, "frame \(frame) eye \(eye): worst channel difference \(result.worst)")
                placedByFrame[frame, default: []].append(result.placed)
            }
        }
        // Right and down at first, then left and up: the inset moved.
        for eye in 0..<2 {
            let before = try #require(placedByFrame[2]?[eye]), after = try #require(placedByFrame[7]?[eye])
            #expect(after.x0 < before.x0 - 20 && after.y0 < before.y0 - 20, "eye \(eye): \(before) -> \(after)")
        }
    }

    @Test func lostGazeFallsBackToTheFixedFocus() throws {
        // Tracked, then lost from frame 3: held for a few frames, then fixed.
        let run = try Self.run(["XRPERF_FOVEATION": "gaze", "XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction",
                                "XRSIM_GAZE": "0:15:10,3:lost"], frames: [16], arguments: ["--actions"])
        try #require(run.views.count == 4)
        let images = try #require(run.dumps[16])
        for eye in 0..<2 {
            let fixed = Self.expectedFocus(run.views[eye].fov, centre: TangentPoint(x: 0, y: 0))
            #expect(Self.close(run.views[2 + eye].fov, fixed), "eye \(eye)")
            #expect(try Self.compare(images[eye], eye: run.views[eye].fov, focus: fixed).worst <= 2)
        }
    }

    @Test func withoutAnEyeTrackerOrActionsTheFocusStaysFixed() throws {
        // No XR_EXT_eye_gaze_interaction in XrSim: the layer's request is
        // dropped at instance creation; with the tracker but an app that
        // attaches no action sets, the gaze action never gets attached.
        for (variables, arguments) in [(["XRPERF_FOVEATION": "gaze"], ["--actions"]),
                                       (["XRPERF_FOVEATION": "gaze", "XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction",
                                         "XRSIM_GAZE": "0:15:10"], [])] {
            let run = try Self.run(variables, frames: [4], arguments: arguments)
            try #require(run.views.count == 4)
            for eye in 0..<2 {
                let fixed = Self.expectedFocus(run.views[eye].fov, centre: TangentPoint(x: 0, y: 0))
                #expect(Self.close(run.views[2 + eye].fov, fixed), "\(variables) \(arguments) eye \(eye)")
            }
        }
    }

    @Test func smallerFocusRectsStillLandWhereTheirFrustumIs() throws {
        // The app renders 60% of every view's size (a rect smaller than its
        // swapchain): the focus is stretched over the same place.
        let run = try Self.run(["XRPERF_FOVEATION": "fixed"], frames: [4], arguments: ["--scale", "0.6"])
        try #require(run.views.count == 4)
        let images = try #require(run.dumps[4])
        for eye in 0..<2 {
            #expect(try Self.compare(images[eye], eye: run.views[eye].fov, focus: run.views[2 + eye].fov).worst <= 2)
        }
    }

    @Test(arguments: ["srgb", "bgra-unorm"], UpscalePassPath.allCases)
    func arraySwapchainsAndOtherFormatsComposite(format: String, path: UpscalePassPath) throws {
        // Both eyes' periphery in one 2-layer swapchain, both focus views in
        // another. Outside the blend band each pixel is one of the two flat
        // colours (the band itself is blended in linear light for sRGB).
        let run = try Self.run(Self.pathVariables(path).merging(["XRPERF_FOVEATION": "fixed"]) { $1 }, frames: [4],
                               arguments: ["--swapchain-layout", "array", "--format", format])
        try #require(run.views.count == 4, Comment(rawValue: run.output.combined.suffix(2000).description))
        let images = try #require(run.dumps[4])
        for eye in 0..<2 {
            let target = try #require(Self.rect(images[eye]))
            let placed = try #require(FocusPlacementInImage(eye: run.views[eye].fov, focus: run.views[2 + eye].fov, target: target))
            let inset = InsetRect(x0: Float(placed.x0), y0: Float(placed.y0), x1: Float(placed.x1), y1: Float(placed.y1))
            let blend = Float(placed.blendWidth(share: Self.edgeSmoothing))
            var checked = 0
            var worst = 0
            for y in stride(from: Int(target.y), to: Int(target.y + target.height), by: 3) {
                for x in stride(from: Int(target.x), to: Int(target.x + target.width), by: 3) {
                    let weight = InsetBlend.weight(x: Int32(x), y: Int32(y), rect: inset, blendWidth: blend)
                    guard weight == 0 || weight == 1 else { continue }
                    let expected = weight == 1 ? Self.focus : Self.periphery
                    let pixel = images[eye].pixel(x: x, y: y)
                    let actual = SIMD3<Float>(Float(pixel.r), Float(pixel.g), Float(pixel.b))
                    worst = max(worst, Int(((actual - expected) * (actual - expected)).max().squareRoot().rounded(.up)))
                    checked += 1
                }
            }
            #expect(checked > 1000 && worst <= 1, "\(format) \(path) eye \(eye): worst \(worst) over \(checked) pixels")
        }
    }

    @Test(arguments: [["XRPERF_FAULT": "upscale-pass"], ["XRPERF_FAULT": "upscale-images"],
                      ["XRPERF_FAULT": "upscale-frame"], ["XRPERF_UPSCALE": "0"]])
    func withoutThePassTheAppKeepsRunningOnThePeriphery(_ variables: [String: String]) throws {
        // The pass cannot be built, the images cannot be made, the pass fails
        // mid-session (from frame 30), or upscaling is off: every frame still
        // reaches the runtime, with the peripheral views (the runtime scales
        // them) or, after a mid-session failure, without the quad layer.
        var all = variables
        all["XRPERF_FOVEATION"] = "fixed"
        let midSession = variables["XRPERF_FAULT"] == "upscale-frame"
        let run = try Self.run(all, frames: midSession ? [20] : [40], total: 43)
        try #require(run.views.count == 4)
        #expect(run.output.stderr.contains("frames=43"), Comment(rawValue: run.output.stderr.suffix(2000).description))
        if !midSession {
            let images = try #require(run.dumps[40])
            for eye in 0..<2 {
                let pixel = images[eye].pixel(x: images[eye].width / 2, y: images[eye].height / 2)
                #expect([pixel.r, pixel.g, pixel.b] == [32, 96, 160], "\(variables) eye \(eye): \(pixel)")
            }
        }
    }

    @Test func twoViewsForTheQuadConfigurationAreRefused() throws {
        let run = try Self.run(["XRPERF_FOVEATION": "fixed"], frames: [4], arguments: ["--submit-views", "2"],
                               expectSuccess: false)
        #expect(run.output.status != 0 && !run.output.timedOut)
        #expect(run.output.combined.contains("XR_ERROR_VALIDATION_FAILURE"), Comment(rawValue: run.output.combined.suffix(2000).description))
        #expect(!run.output.combined.contains("Fatal error"))
    }

    @Test(arguments: [[XrEnvironment.coreValidation, XrEnvironment.xrperf], [XrEnvironment.xrperf, XrEnvironment.coreValidation]])
    func cleanUnderCoreValidation(layers: [String]) throws {
        let run = try Self.run(["XRPERF_FOVEATION": "gaze", "XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction",
                                "XRSIM_GAZE": "0:15:10"], frames: [4], arguments: ["--actions", "--foveated"], layers: layers)
        try #require(run.views.count == 4)
        #expect(run.output.stderr.contains("focus follows the gaze"), Comment(rawValue: run.output.stderr))
        // --foveated: the app asks for gaze-following focus views each frame (XR_VARJO_foveated_rendering).
        #expect(run.output.combined.contains("foveated_rendering=active"))
        let point = Self.gazePoint(yaw: 15, pitch: 10)
        for eye in 0..<2 {
            #expect(Self.close(run.views[2 + eye].fov, Self.expectedFocus(run.views[eye].fov, centre: point)), "eye \(eye)")
        }
    }

    @Test func aRuntimeWithQuadViewsGetsThemUntouchedUnlessEmulationIsForced() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.loadgen, artifacts.layerLibrary, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        for force in [false, true] {
            var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 0)
            defer { env.cleanUp() }
            let dumps = env.scratch.appendingPathComponent("dumps")
            env.variables["XRSIM_RESOLUTION"] = Self.resolution
            env.variables["XRSIM_EXTENSIONS"] = "XR_VARJO_quad_views"
            env.variables["XRSIM_DUMP_DIR"] = dumps.path
            env.variables["XRSIM_DUMP_FRAMES"] = "4"
            env.variables["XRPERF_FOVEATION"] = "fixed"
            env.variables["XRPERF_FORCE_QUAD_EMULATION"] = force ? "true" : "false"
            let output = try runProcess(artifacts.loadgen.path,
                                        ["--frames", "6", "--gpu-iterations", "0", "--quad-views", "--pattern", "flat"],
                                        environment: env.environment, timeout: 120)
            let context = Comment(rawValue: "force \(force):\n\(output.combined.suffix(3000))")
            #expect(output.status == 0 && !output.timedOut, context)
            #expect(output.stderr.contains("quad views emulated") == force, context)
            // Natively the runtime receives all four views; emulated, two.
            let dumped = (try? FileManager.default.contentsOfDirectory(atPath: dumps.path)) ?? []
            #expect(dumped.filter { $0.hasPrefix("frame-4-layer-0-view-") }.count == (force ? 2 : 4), context)
        }
    }

    @Test func theQuadConfigurationIsOfferedOnlyWhenFoveationIsOn() throws {
        let run = try Self.run(["XRPERF_FOVEATION": "off"], frames: [4], expectSuccess: false)
        #expect(run.output.status != 0 && !run.output.timedOut)
        #expect(run.output.combined.contains("PRIMARY_QUAD_VARJO"), Comment(rawValue: run.output.combined.suffix(2000).description))
    }
}
