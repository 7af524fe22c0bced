import Testing
@testable import XrSimCore

@Suite struct OptionalExtensionTests {
    @Test func noneOfferedByDefault() {
        #expect(XrSimConfig.parse([:]).config.optionalExtensions.isEmpty)
    }

    @Test func readsTheCommaList() {
        let (config, warnings) = XrSimConfig.parse([
            "XRSIM_EXTENSIONS": " XR_FB_display_refresh_rate,,XR_EXT_performance_settings ",
        ])
        #expect(warnings.isEmpty)
        #expect(config.optionalExtensions == [.displayRefreshRate, .performanceSettings])
    }

    @Test func unknownNamesWarnAndTheRestIsKept() {
        let (config, warnings) = XrSimConfig.parse([
            "XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interactionX,XR_EXT_performance_settings,XR_KHR_vulkan_enable",
        ])
        #expect(config.optionalExtensions == [.performanceSettings])
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.contains("XRSIM_EXTENSIONS") })
    }

    @Test func performanceLevelsAreRecordedPerDomain() throws {
        var levels = PerformanceLevels()
        let (domain, level) = try levels.set(domain: 2, level: 75)
        #expect(domain == .gpu && level == .boost)
        _ = try levels.set(domain: 1, level: 25)
        #expect(levels.cpu == .sustainedLow && levels.gpu == .boost)
    }

    @Test(arguments: [(0, 0), (3, 0), (1, 10), (2, 100), (1, -1)])
    func invalidDomainsOrLevelsFailValidation(_ domain: Int32, _ level: Int32) {
        var levels = PerformanceLevels()
        #expect(throws: XrSimError.validationFailure) { try levels.set(domain: domain, level: level) }
        #expect(levels == PerformanceLevels())
    }
}
