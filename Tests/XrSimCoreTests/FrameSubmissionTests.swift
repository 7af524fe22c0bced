import Testing
@testable import XrSimCore

@Suite struct FrameSubmissionTests {
    let space: UInt64 = 10
    let color: UInt64 = 20
    let unreleased: UInt64 = 21
    let opaque: Int32 = 1

    var rules: SubmissionRules {
        SubmissionRules(
            supportedBlendModes: [opaque], maxLayerCount: 16, viewCount: 2, spaces: [space],
            swapchains: [
                color: SwapchainFacts(width: 256, height: 256, arraySize: 2, hasReleasedImage: true),
                unreleased: SwapchainFacts(width: 256, height: 256, arraySize: 1, hasReleasedImage: false),
            ])
    }

    func view(_ swapchain: UInt64? = nil, rect: ImageRect = ImageRect(x: 0, y: 0, width: 256, height: 256),
              index: UInt32 = 0, pose: Pose = .identity) -> ProjectionView {
        ProjectionView(pose: pose, subImage: SubImage(swapchain: swapchain ?? color, rect: rect, arrayIndex: index))
    }

    func frame(_ layers: [SubmittedLayer], time: Int64 = 1, blend: Int32? = nil) -> SubmittedFrame {
        SubmittedFrame(displayTime: time, blendMode: blend ?? opaque, layers: layers)
    }

    func projection(_ views: [ProjectionView]?, space: UInt64? = nil, flags: UInt64 = 0) -> SubmittedLayer {
        .projection(space: space ?? self.space, flags: flags, views: views)
    }

    func failure(_ f: SubmittedFrame) -> XrSimError? {
        do {
            try rules.validate(f)
            return nil
        } catch { return error }
    }

    @Test func acceptsEmptyAndStereoFrames() {
        #expect(failure(frame([])) == nil)
        #expect(failure(frame([projection([view(), view(index: 1)])])) == nil)
    }

    @Test func frameLevelChecks() {
        #expect(failure(frame([], time: 0)) == .timeInvalid)
        #expect(failure(frame([], blend: 2)) == .environmentBlendModeUnsupported)
        #expect(failure(frame(Array(repeating: projection([view(), view()]), count: 17))) == .layerLimitExceeded)
        #expect(failure(frame([.null])) == .layerInvalid)
        #expect(failure(frame([.unsupported(type: 1_000_000)])) == .layerInvalid)
    }

    @Test func projectionLayerChecks() {
        #expect(failure(frame([projection([view()])])) == .validationFailure)
        #expect(failure(frame([projection(nil)])) == .validationFailure)
        #expect(failure(frame([projection([view(), view()], space: 99)])) == .handleInvalid)
        #expect(failure(frame([projection([view(), view()], flags: 0x100)])) == .validationFailure)
        #expect(failure(frame([projection([view(), view(99)])])) == .handleInvalid)
        #expect(failure(frame([projection([view(), view(unreleased)])])) == .layerInvalid)
        #expect(failure(frame([projection([view(), view(index: 2)])])) == .validationFailure)
        #expect(failure(frame([projection([view(), view(pose: Pose(orientation: Quat(1, 1, 0, 0)))])])) == .poseInvalid)
        var badType = view()
        badType.hasValidType = false
        #expect(failure(frame([projection([view(), badType])])) == .validationFailure)
    }

    @Test(arguments: [
        ImageRect(x: -1, y: 0, width: 10, height: 10), ImageRect(x: 0, y: 0, width: 0, height: 10),
        ImageRect(x: 0, y: 0, width: 257, height: 10), ImageRect(x: 200, y: 200, width: 57, height: 56),
    ])
    func rectOutsideTheImageIsRejected(_ rect: ImageRect) {
        #expect(failure(frame([projection([view(), view(rect: rect)])])) == .swapchainRectInvalid)
    }

    @Test func quadLayerChecks() {
        let sub = SubImage(swapchain: color, rect: ImageRect(x: 0, y: 0, width: 64, height: 64), arrayIndex: 0)
        #expect(failure(frame([.quad(space: space, flags: 0, eyeVisibility: 0, pose: .identity, subImage: sub)])) == nil)
        #expect(failure(frame([.quad(space: space, flags: 0, eyeVisibility: 3, pose: .identity, subImage: sub)])) == .validationFailure)
        #expect(failure(frame([.quad(space: 1, flags: 0, eyeVisibility: 0, pose: .identity, subImage: sub)])) == .handleInvalid)
        let zero = Pose(orientation: Quat(0, 0, 0, 0))
        #expect(failure(frame([.quad(space: space, flags: 0, eyeVisibility: 0, pose: zero, subImage: sub)])) == .poseInvalid)
    }

    /// Cylinder and equirect layers are checked as quads are, the released
    /// image included: a swapchain none of whose images was released is
    /// refused in any layer type, as Monado refuses it.
    @Test func curvedLayerChecks() {
        let sub = SubImage(swapchain: color, rect: ImageRect(x: 0, y: 0, width: 64, height: 64), arrayIndex: 0)
        #expect(failure(frame([.curved(space: space, flags: 0, eyeVisibility: 0, pose: .identity, subImage: sub)])) == nil)
        var never = sub
        never.swapchain = unreleased
        #expect(failure(frame([.curved(space: space, flags: 0, eyeVisibility: 0, pose: .identity, subImage: never)])) == .layerInvalid)
        #expect(failure(frame([.quad(space: space, flags: 0, eyeVisibility: 0, pose: .identity, subImage: never)])) == .layerInvalid)
        #expect(failure(frame([.curved(space: space, flags: 0, eyeVisibility: 5, pose: .identity, subImage: sub)])) == .validationFailure)
        var outside = sub
        outside.rect = ImageRect(x: 200, y: 0, width: 64, height: 64)
        #expect(failure(frame([.curved(space: space, flags: 0, eyeVisibility: 0, pose: .identity, subImage: outside)]))
                == .swapchainRectInvalid)
    }

    @Test func depthInfoIsChecked() {
        var withDepth = view()
        let sub = SubImage(swapchain: color, rect: ImageRect(x: 0, y: 0, width: 256, height: 256), arrayIndex: 0)
        withDepth.depth = DepthInfo(subImage: sub, minDepth: 0, maxDepth: 1, nearZ: 0.1, farZ: 100)
        #expect(failure(frame([projection([withDepth, withDepth])])) == nil)
        withDepth.depth?.maxDepth = 2
        #expect(failure(frame([projection([withDepth, withDepth])])) == .validationFailure)
    }
}
