import COpenXR
import Synchronization
import Testing
@testable import XrPerfLayer

/// The session lifecycle through the layer's own hooks, over a fake next
/// link: a session the runtime created is registered with its features,
/// runs frames, and is taken down the same way by xrDestroySession and by
/// xrDestroyInstance.
@Suite(.serialized) struct SessionLifecycleTests {
    /// What the fake runtime was asked, across the C callbacks.
    static let destroyedSessions = Atomic<Int>(0)
    static let nextSession = Atomic<Int>(0x5E5_0000)
    static let displayTime = Atomic<Int64>(0)
    static let period: Int64 = 11_111_111

    static let getSystemProperties: PFN_xrGetSystemProperties = { _, _, properties in
        guard let properties else { return XR_ERROR_VALIDATION_FAILURE }
        withUnsafeMutableBytes(of: &properties.pointee.systemName) { bytes in
            for (index, byte) in "Fake HMD".utf8.enumerated() { bytes[index] = byte }
            bytes[8] = 0
        }
        return XR_SUCCESS
    }
    static let createSession: PFN_xrCreateSession = { _, _, session in
        session?.pointee = OpaquePointer(bitPattern: SessionLifecycleTests.nextSession.add(1, ordering: .relaxed).newValue)
        return XR_SUCCESS
    }
    static let destroySession: PFN_xrDestroySession = { _ in
        SessionLifecycleTests.destroyedSessions.add(1, ordering: .relaxed)
        return XR_SUCCESS
    }
    static let destroyInstance: PFN_xrDestroyInstance = { _ in XR_SUCCESS }
    static let waitFrame: PFN_xrWaitFrame = { _, _, state in
        let time = SessionLifecycleTests.displayTime.add(SessionLifecycleTests.period, ordering: .relaxed).newValue
        state?.pointee.predictedDisplayTime = time
        state?.pointee.predictedDisplayPeriod = SessionLifecycleTests.period
        state?.pointee.shouldRender = XrBool32(XR_TRUE)
        return XR_SUCCESS
    }
    static let beginFrame: PFN_xrBeginFrame = { _, _ in XR_SUCCESS }
    static let endFrame: PFN_xrEndFrame = { _, _ in XR_SUCCESS }

    /// Resolves what the fake runtime has; nothing else.
    static let getInstanceProcAddr: PFN_xrGetInstanceProcAddr = { _, name, function in
        guard let name, let function else { return XR_ERROR_VALIDATION_FAILURE }
        let found: PFN_xrVoidFunction? = switch String(cString: name) {
        case "xrGetSystemProperties": unsafeBitCast(SessionLifecycleTests.getSystemProperties, to: PFN_xrVoidFunction.self)
        case "xrCreateSession": unsafeBitCast(SessionLifecycleTests.createSession, to: PFN_xrVoidFunction.self)
        case "xrDestroySession": unsafeBitCast(SessionLifecycleTests.destroySession, to: PFN_xrVoidFunction.self)
        case "xrDestroyInstance": unsafeBitCast(SessionLifecycleTests.destroyInstance, to: PFN_xrVoidFunction.self)
        case "xrWaitFrame": unsafeBitCast(SessionLifecycleTests.waitFrame, to: PFN_xrVoidFunction.self)
        case "xrBeginFrame": unsafeBitCast(SessionLifecycleTests.beginFrame, to: PFN_xrVoidFunction.self)
        case "xrEndFrame": unsafeBitCast(SessionLifecycleTests.endFrame, to: PFN_xrVoidFunction.self)
        default: nil
        }
        function.pointee = found
        return found == nil ? XR_ERROR_FUNCTION_UNSUPPORTED : XR_SUCCESS
    }

    /// An instance of the layer over the fake runtime, registered as the
    /// layer's own xrCreateApiLayerInstance would.
    static func instance(_ handle: Int) -> XrInstance? {
        let instance = OpaquePointer(bitPattern: handle)
        let state = InstanceState(handle: handleKey(instance), next: NextDispatch(instance: instance,
                                                                                 getInstanceProcAddr: getInstanceProcAddr),
                                  applicationName: "lifecycle-test", engineName: "", runtimeName: "fake runtime")
        Registry.instances.insert(state.handle, state)
        return instance
    }

    static func createSession(on instance: XrInstance?) throws -> XrSession {
        var info = XrSessionCreateInfo()
        info.type = XR_TYPE_SESSION_CREATE_INFO
        info.systemId = 1
        var session: XrSession?
        #expect(layerCreateSession(instance, &info, &session) == XR_SUCCESS)
        return try #require(session)
    }

    static func runFrames(_ session: XrSession, _ count: Int) {
        for _ in 0..<count {
            var waitInfo = XrFrameWaitInfo()
            waitInfo.type = XR_TYPE_FRAME_WAIT_INFO
            var state = XrFrameState()
            state.type = XR_TYPE_FRAME_STATE
            var beginInfo = XrFrameBeginInfo()
            beginInfo.type = XR_TYPE_FRAME_BEGIN_INFO
            var endInfo = XrFrameEndInfo()
            endInfo.type = XR_TYPE_FRAME_END_INFO
            #expect(layerWaitFrame(session, &waitInfo, &state) == XR_SUCCESS)
            #expect(layerBeginFrame(session, &beginInfo) == XR_SUCCESS)
            #expect(layerEndFrame(session, &endInfo) == XR_SUCCESS)
        }
    }

    @Test func aSessionIsMadeRunsAndIsReleasedByXrDestroySession() throws {
        let instance = Self.instance(0x1A57_0001)
        defer { _ = layerDestroyInstance(instance) }
        let session = try Self.createSession(on: instance)
        let state = try #require(Registry.sessions.lookup(handleKey(session)))
        #expect(state.facts.system == "Fake HMD" && state.facts.application == "lifecycle-test")
        #expect(state.upscale == nil && state.foveation == nil, "no Vulkan binding: no pass, no quad views")
        Self.runFrames(session, 5)
        #expect(state.telemetry.tally.frames == 5)
        let destroyed = Self.destroyedSessions.load(ordering: .relaxed)
        #expect(layerDestroySession(session) == XR_SUCCESS)
        #expect(Self.destroyedSessions.load(ordering: .relaxed) == destroyed + 1, "the runtime's session was not destroyed")
        #expect(Registry.sessions.lookup(handleKey(session)) == nil)
        #expect(layerWaitFrame(session, nil, nil) == XR_ERROR_HANDLE_INVALID)
    }

    @Test func xrDestroyInstanceReleasesTheSessionsItStillHas() throws {
        let instance = Self.instance(0x1A57_0002)
        let first = try Self.createSession(on: instance)
        let second = try Self.createSession(on: instance)
        Self.runFrames(first, 2)
        #expect(layerDestroyInstance(instance) == XR_SUCCESS)
        #expect(Registry.sessions.lookup(handleKey(first)) == nil && Registry.sessions.lookup(handleKey(second)) == nil)
        #expect(Registry.instances.lookup(handleKey(instance)) == nil)
    }
}
