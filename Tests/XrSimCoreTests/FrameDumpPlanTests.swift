import Testing
@testable import XrSimCore

@Suite struct FrameDumpPlanTests {
    let identity = Pose()

    func sub(_ swapchain: UInt64, x: Int32 = 0, array: UInt32 = 0) -> SubImage {
        SubImage(swapchain: swapchain, rect: ImageRect(x: x, y: 0, width: 8, height: 4), arrayIndex: array)
    }

    @Test func oneFilePerProjectionViewAndQuadNamedByLayerPosition() {
        let depth = DepthInfo(subImage: sub(9), minDepth: 0, maxDepth: 1, nearZ: 0.1, farZ: 100)
        let layers: [SubmittedLayer] = [
            .quad(space: 1, flags: 0, eyeVisibility: 0, pose: identity, subImage: sub(5)),
            .projection(space: 1, flags: 0, views: [
                ProjectionView(pose: identity, subImage: sub(3), depth: depth),
                ProjectionView(pose: identity, subImage: sub(3, x: 8, array: 1)),
            ]),
        ]
        let targets = dumpTargets(frame: 12, layers: layers)
        #expect(targets == [
            DumpTarget(fileName: "frame-12-layer-0-quad.pam", subImage: sub(5)),
            DumpTarget(fileName: "frame-12-layer-1-view-0.pam", subImage: sub(3)),
            DumpTarget(fileName: "frame-12-layer-1-view-1.pam", subImage: sub(3, x: 8, array: 1)),
        ])
    }

    @Test func aFrameWithoutLayersDumpsNothing() {
        #expect(dumpTargets(frame: 0, layers: []).isEmpty)
    }

    @Test func commentsNameFormatSwapchainRectAndArrayIndex() {
        let subImage = SubImage(swapchain: 1, rect: ImageRect(x: 4, y: 2, width: 179, height: 100), arrayIndex: 1)
        #expect(dumpComments(vkFormat: 43, swapchainWidth: 256, swapchainHeight: 128, arraySize: 2, subImage: subImage)
            == ["vkformat 43", "swapchain 256x128 array 2", "rect 4 2 179 100", "arrayIndex 1"])
    }
}
