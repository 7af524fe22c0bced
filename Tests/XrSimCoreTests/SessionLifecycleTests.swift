import Testing
@testable import XrSimCore

@Suite struct SessionLifecycleTests {
    @Test func createdAnnouncesIdleThenReady() {
        var session = SessionLifecycle(frameLimit: 0)
        #expect(session.created() == [.idle, .ready])
        #expect(session.state == .ready)
        #expect(!session.isRunning)
    }

    @Test func beginChecksRunningThenReadyThenViewConfiguration() throws {
        var session = SessionLifecycle(frameLimit: 0)
        #expect(throws: XrSimError.sessionNotReady) { try session.begin(viewConfigurationSupported: true) }
        _ = session.created()
        #expect(throws: XrSimError.viewConfigurationTypeUnsupported) { try session.begin(viewConfigurationSupported: false) }
        #expect(try session.begin(viewConfigurationSupported: true) == [])
        #expect(session.isRunning)
        #expect(throws: XrSimError.sessionRunning) { try session.begin(viewConfigurationSupported: true) }
    }

    @Test func firstEndedFrameMakesTheSessionFocused() throws {
        var session = SessionLifecycle(frameLimit: 0)
        _ = session.created()
        _ = try session.begin(viewConfigurationSupported: true)
        #expect(!session.shouldRender)
        #expect(session.frameEnded(submittedFrames: 1) == [.synchronized, .visible, .focused])
        #expect(session.shouldRender && session.isFocused)
        #expect(session.frameEnded(submittedFrames: 2) == [])
    }

    @Test func frameLimitStopsThenEndExits() throws {
        var session = SessionLifecycle(frameLimit: 3)
        _ = session.created()
        _ = try session.begin(viewConfigurationSupported: true)
        _ = session.frameEnded(submittedFrames: 1)
        #expect(session.frameEnded(submittedFrames: 2) == [])
        #expect(session.frameEnded(submittedFrames: 3) == [.visible, .synchronized, .stopping])
        #expect(session.frameEnded(submittedFrames: 4) == [])
        #expect(try session.end() == [.idle, .exiting])
        #expect(!session.isRunning)
        #expect(throws: XrSimError.sessionNotRunning) { try session.end() }
    }

    @Test func endBeforeStoppingIsRejected() throws {
        var session = SessionLifecycle(frameLimit: 0)
        #expect(throws: XrSimError.sessionNotRunning) { try session.end() }
        _ = session.created()
        _ = try session.begin(viewConfigurationSupported: true)
        #expect(throws: XrSimError.sessionNotStopping) { try session.end() }
    }

    @Test func requestExitWalksDownFromFocused() throws {
        var session = SessionLifecycle(frameLimit: 0)
        #expect(throws: XrSimError.sessionNotRunning) { try session.requestExit() }
        _ = session.created()
        _ = try session.begin(viewConfigurationSupported: true)
        _ = session.frameEnded(submittedFrames: 1)
        #expect(try session.requestExit() == [.visible, .synchronized, .stopping])
        #expect(try session.requestExit() == [])
        #expect(try session.end() == [.idle, .exiting])
    }

    @Test func requestExitBeforeAnyFramePassesThroughSynchronized() throws {
        var session = SessionLifecycle(frameLimit: 0)
        _ = session.created()
        _ = try session.begin(viewConfigurationSupported: true)
        #expect(try session.requestExit() == [.synchronized, .stopping])
    }

    @Test func eventQueueIsFifoAndDropsDestroyedSessions() {
        var queue = EventQueue()
        #expect(queue.pop() == nil)
        queue.push(.sessionState(SessionStateEvent(session: 1, state: .idle, time: 10)))
        queue.push(.sessionState(SessionStateEvent(session: 2, state: .idle, time: 11)))
        queue.push(.sessionState(SessionStateEvent(session: 1, state: .ready, time: 12)))
        #expect(queue.pop() == .sessionState(SessionStateEvent(session: 1, state: .idle, time: 10)))
        queue.removeEvents(of: 1)
        #expect(queue.count == 1)
        #expect(queue.pop() == .sessionState(SessionStateEvent(session: 2, state: .idle, time: 11)))
        #expect(queue.pop() == nil)
    }
}
