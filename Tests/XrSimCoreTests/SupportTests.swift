import Testing
@testable import XrSimCore

@Suite struct SupportTests {
    @Test func handlesAreNeverReused() {
        var allocator = HandleAllocator()
        var table = HandleTable<String>()
        let a = allocator.allocate()
        table.insert("a", as: a)
        table.remove(a)
        let b = allocator.allocate()
        table.insert("b", as: b)
        #expect(a != b)
        #expect(table[a] == nil)
        #expect(table[b] == "b")
        #expect(a > 0xFFFF)
    }

    @Test func childrenAreFoundByPredicate() {
        var table = HandleTable<Int>()
        table.insert(1, as: 5)
        table.insert(2, as: 3)
        table.insert(1, as: 4)
        #expect(table.handles(where: { $0 == 1 }) == [4, 5])
    }

    @Test func twoCallIdiom() {
        #expect(twoCallDecision(capacity: 0, count: 3, hasCountOutput: true, hasBuffer: false) == .reportCountOnly)
        #expect(twoCallDecision(capacity: 2, count: 3, hasCountOutput: true, hasBuffer: true) == .insufficient)
        #expect(twoCallDecision(capacity: 3, count: 3, hasCountOutput: true, hasBuffer: true) == .write)
        #expect(twoCallDecision(capacity: 3, count: 3, hasCountOutput: false, hasBuffer: true) == .invalid)
        #expect(twoCallDecision(capacity: 3, count: 3, hasCountOutput: true, hasBuffer: false) == .invalid)
    }

    @Test func resultAndStructureNames() {
        #expect(resultString(0) == "XR_SUCCESS")
        #expect(resultString(-1) == "XR_ERROR_VALIDATION_FAILURE")
        #expect(resultString(9) == "XR_FRAME_DISCARDED")
        #expect(resultString(-999) == "XR_UNKNOWN_FAILURE_-999")
        #expect(resultString(999) == "XR_UNKNOWN_SUCCESS_999")
        #expect(structureTypeString(1) == "XR_TYPE_API_LAYER_PROPERTIES")
        #expect(structureTypeString(999) == "XR_UNKNOWN_STRUCTURE_TYPE_999")
        #expect(XrSimError.graphicsRequirementsCallMissing.rawValue == -50)
        #expect(resultName(XrSimError.callOrderInvalid.rawValue)?.description == "XR_ERROR_CALL_ORDER_INVALID")
    }

    @Test func everyErrorHasItsHeaderName() {
        let all: [XrSimError] = [.validationFailure, .handleInvalid, .sessionNotStopping, .layerInvalid, .swapchainRectInvalid,
                                 .environmentBlendModeUnsupported, .localizedNameInvalid, .actionSetsAlreadyAttached]
        for error in all { #expect(resultName(error.rawValue) != nil) }
    }

    @Test func statsLines() {
        var stats = FrameStats()
        (stats.frames, stats.waits, stats.begins, stats.discarded) = (300, 301, 300, 0)
        #expect(sessionEndedLine(stats) == "session ended: frames=300 waits=301 begins=300 discarded=0")
        #expect(sessionStatsJSON(stats, runtimeName: "Sim \"1\"\n") ==
                "{\"frames\":300,\"waits\":301,\"begins\":300,\"discarded\":0,\"runtime\":\"Sim \\\"1\\\"\\n\"}\n")
        #expect(jsonString("\u{1}") == "\"\\u0001\"")
    }

    @Test func poseMath() {
        let head = SimulatedHead.headInStage
        let local = SimulatedHead.origin(of: .local)
        #expect(Pose.relative(head, to: local) == .identity)
        #expect(Pose.relative(head, to: .identity).position.y == 1.6)
        // 90 degrees about Y: +X maps to -Z.
        let s = Float(0.5).squareRoot()
        let turned = Pose(orientation: Quat(0, s, 0, s))
        let p = turned.composed(with: Pose(position: Vec3(1, 0, 0))).position
        #expect(abs(p.x) < 1e-6 && abs(p.z + 1) < 1e-6)
        let roundTrip = turned.inverse.composed(with: turned)
        #expect(abs(roundTrip.orientation.w - 1) < 1e-6)
        #expect(Quat.identity.isNormalized && !Quat(0, 0, 0, 0).isNormalized && !Quat(.nan, 0, 0, 1).isNormalized)
    }

    @Test func eyesAreSymmetric() {
        let left = SimulatedHead.fov(ofEye: 0), right = SimulatedHead.fov(ofEye: 1)
        #expect(left.angleLeft == -right.angleRight && left.angleRight == -right.angleLeft)
        #expect(SimulatedHead.eyeInHead(1).position.x - SimulatedHead.eyeInHead(0).position.x == SimulatedHead.ipd)
    }
}
