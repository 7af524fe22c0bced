import Testing
@testable import XrSimCore

@Suite struct DisplayRefreshRateTests {
    @Test func defaultsToOneRateFromRefreshHz() {
        let (config, warnings) = XrSimConfig.parse(["XRSIM_REFRESH_HZ": "72"])
        #expect(warnings.isEmpty)
        #expect(config.refreshHz == 72)
        #expect(config.refreshRates == [72])
        #expect(XrSimConfig.parse([:]).config.refreshRates == [90])
    }

    @Test func firstListedRateIsTheDefaultWithoutRefreshHz() {
        let (config, warnings) = XrSimConfig.parse(["XRSIM_REFRESH_RATES": "90, 72,60"])
        #expect(warnings.isEmpty)
        #expect(config.refreshHz == 90)
        #expect(config.refreshRates == [60, 72, 90])
    }

    @Test func refreshHzPicksTheDefaultAndJoinsTheListWhenMissing() {
        let listed = XrSimConfig.parse(["XRSIM_REFRESH_RATES": "90,72,60", "XRSIM_REFRESH_HZ": "72.004"])
        #expect(listed.warnings.isEmpty)
        #expect(listed.config.refreshHz == 72)
        #expect(listed.config.refreshRates == [60, 72, 90])
        let missing = XrSimConfig.parse(["XRSIM_REFRESH_RATES": "90,72", "XRSIM_REFRESH_HZ": "120"])
        #expect(missing.warnings.count == 1)
        #expect(missing.config.refreshHz == 120)
        #expect(missing.config.refreshRates == [72, 90, 120])
    }

    @Test(arguments: ["", "90,,72", "90,abc", "0", "1001", "90,90.001", "90 72", "nan"])
    func badListsFallBackToRefreshHz(_ value: String) {
        let (config, warnings) = XrSimConfig.parse(["XRSIM_REFRESH_RATES": value, "XRSIM_REFRESH_HZ": "80"])
        #expect(config.refreshRates == [80])
        #expect(config.refreshHz == 80)
        #expect(warnings.count == (value.isEmpty ? 0 : 1))
    }

    @Test func requestsSwitchOnlyWhenApplied() throws {
        var rate = DisplayRefreshRate(supported: [90, 60, 72], defaultRate: 90)
        #expect(rate.supported == [60, 72, 90])
        try rate.request(72)
        #expect(rate.current == 90)
        #expect(rate.applyPending() == RefreshRateChange(from: 90, to: 72))
        #expect(rate.current == 72)
        #expect(rate.applyPending() == nil)
    }

    @Test func zeroMeansTheDefault() throws {
        var rate = DisplayRefreshRate(supported: [60, 90], defaultRate: 90)
        try rate.request(0)
        #expect(rate.applyPending() == nil, "already at the default: nothing changes, no event")
        try rate.request(60)
        _ = rate.applyPending()
        try rate.request(0)
        #expect(rate.applyPending() == RefreshRateChange(from: 60, to: 90))
    }

    @Test func unsupportedRatesAreRefusedAndKeepTheRequestBefore() throws {
        var rate = DisplayRefreshRate(supported: [60, 72, 90], defaultRate: 90)
        try rate.request(60)
        #expect(throws: XrSimError.displayRefreshRateUnsupported) { try rate.request(120) }
        #expect(throws: XrSimError.displayRefreshRateUnsupported) { try rate.request(-72) }
        #expect(throws: XrSimError.displayRefreshRateUnsupported) { try rate.request(.nan) }
        #expect(rate.pending == 60)
        #expect(XrSimError.displayRefreshRateUnsupported.rawValue == -1000101000)
    }

    @Test func requestsMatchTheEnumeratedFloats() throws {
        var rate = DisplayRefreshRate(supported: [72.5, 90], defaultRate: 90)
        try rate.request(Float(72.5).nextUp)
        #expect(rate.applyPending()?.to == 72.5)
    }

    @Test func changeEventCarriesTheRatesAsFloats() {
        let event = RefreshRateChangedEvent(session: 7, change: RefreshRateChange(from: 90, to: 72.5))
        #expect(event.from == 90 && event.to == 72.5)
        #expect(RuntimeEvent.refreshRateChanged(event).session == 7)
    }

    @Test func eventQueueKeepsOrderAcrossKindsAndDropsBySession() {
        var queue = EventQueue()
        let change = RuntimeEvent.refreshRateChanged(RefreshRateChangedEvent(session: 1, change: RefreshRateChange(from: 90, to: 60)))
        queue.push(.sessionState(SessionStateEvent(session: 2, state: .focused, time: 5)))
        queue.push(change)
        #expect(queue.pop() == .sessionState(SessionStateEvent(session: 2, state: .focused, time: 5)))
        #expect(queue.pop() == change)
        queue.push(change)
        queue.removeEvents(of: 1)
        #expect(queue.pop() == nil)
    }
}
