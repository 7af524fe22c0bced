import Foundation
import Testing

/// XrSim's native XR_VARJO_quad_views, driven by a C host
/// (Tests/hosts/quad_views.c) through the real loader with no API layer: the
/// view configuration's enumeration, sizes and fovs, a quad session's frames
/// of 4-view projection layers (a wrong view count refused) and the frame dump
/// of all 4 views, each holding the colour the host cleared it to.
@Suite(.serialized) struct XrSimQuadViewsTests {
    /// docs/xrsim.md: a focus view spans this fraction of its eye's image
    /// plane on every side, at the same pixel density.
    static let focusFraction = 0.5

    @Test func quadViewsEnumerateLocateAndDump() throws {
        let artifacts = Artifacts()
        let host = artifacts.host("quad_views")
        try artifacts.require(host, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        var env = try XrEnvironment(artifacts: artifacts, frames: 0)
        defer { env.cleanUp() }
        let dumps = env.scratch.appendingPathComponent("dumps")
        env.variables["XRSIM_EXTENSIONS"] = "XR_VARJO_quad_views"
        env.variables["XRSIM_RESOLUTION"] = "256x200"
        env.variables["XRSIM_DUMP_DIR"] = dumps.path
        env.variables["XRSIM_DUMP_FRAMES"] = "2"
        let output = try runProcess(host.path, environment: env.environment, timeout: 120)
        let context = Comment(rawValue: output.combined)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(!lines.contains { $0.hasPrefix("FAIL") }, context)
        #expect(lines.filter { $0.hasPrefix("ok ") }.count >= 20, context)

        #expect(lines.filter { $0.hasPrefix("view ") } == [
            "view 0 recommended 256x200 max 512x400", "view 1 recommended 256x200 max 512x400",
            "view 2 recommended 128x100 max 256x200", "view 3 recommended 128x100 max 256x200",
        ], context)

        // "fov i left right up down pos x y z": focus = atan(fraction * tan(eye)).
        let fovs = lines.filter { $0.hasPrefix("fov ") }.map { $0.split(separator: " ").compactMap { Double($0) } }
        try #require(fovs.count == 4 && fovs.allSatisfy { $0.count == 8 }, context)
        for focus in 2..<4 {
            let eye = fovs[focus - 2], view = fovs[focus]
            for side in 1...4 {
                let expected = atan(Self.focusFraction * tan(eye[side]))
                #expect(abs(view[side] - expected) < 1e-5, "view \(focus) angle \(side): \(view[side]) vs \(expected)")
            }
            #expect(Array(view[5...]) == Array(eye[5...]), "view \(focus) pose")
        }
        #expect(abs(fovs[0][5] + 0.0315) < 1e-6 && abs(fovs[1][5] - 0.0315) < 1e-6, context)

        #expect(output.stderr.contains("[xrsim] frame 2 dumped: 4 of 4 views"), context)
        for view in 0..<4 {
            let image = try PamImage.read(path: dumps.appendingPathComponent("frame-2-layer-0-view-\(view).pam").path)
            #expect(image.width == (view < 2 ? 256 : 128) && image.height == (view < 2 ? 200 : 100), "view \(view) size")
            let expected = (UInt8(40 + 50 * view), UInt8(200 - 40 * view), UInt8(10 * view), UInt8(255))
            for (x, y) in [(0, 0), (image.width - 1, image.height - 1), (image.width / 2, image.height / 3)] {
                let p = image.pixel(x: x, y: y)
                #expect(p == expected, "view \(view) pixel (\(x), \(y)): \(p)")
            }
        }
    }
}
