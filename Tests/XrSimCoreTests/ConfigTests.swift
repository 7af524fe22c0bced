import Testing
@testable import XrSimCore

@Suite struct ConfigTests {
    @Test func defaultsWithEmptyEnvironment() {
        let (config, warnings) = XrSimConfig.parse([:])
        #expect(config == XrSimConfig())
        #expect(config.runtimeName == "XrSim")
        #expect(config.systemName == "XrSim Headset")
        #expect(config.resolution == Resolution(width: 1440, height: 1584))
        #expect(config.refreshHz == 90)
        #expect(config.frameLimit == 0)
        #expect(config.clock == .realtime)
        #expect(config.logLevel == .warn)
        #expect(config.statsFile == nil)
        #expect(warnings.isEmpty)
    }

    @Test func readsEveryVariable() {
        let (config, warnings) = XrSimConfig.parse([
            "XRSIM_RUNTIME_NAME": "Oculus", "XRSIM_SYSTEM_NAME": "Quest", "XRSIM_RESOLUTION": "256x128",
            "XRSIM_REFRESH_HZ": "72.5", "XRSIM_FRAMES": "300", "XRSIM_CLOCK": "virtual",
            "XRSIM_LOG_LEVEL": "DEBUG", "XRSIM_STATS_FILE": "/tmp/s.jsonl", "OTHER": "x",
        ])
        #expect(warnings.isEmpty)
        #expect(config.runtimeName == "Oculus")
        #expect(config.systemName == "Quest")
        #expect(config.resolution == Resolution(width: 256, height: 128))
        #expect(config.refreshHz == 72.5)
        #expect(config.frameLimit == 300)
        #expect(config.clock == .virtual)
        #expect(config.logLevel == .debug)
        #expect(config.statsFile == "/tmp/s.jsonl")
    }

    @Test(arguments: ["0x10", "10", "10x", "x10", "10x10x10", "-1x10", "9000x10", "axb"])
    func badResolutionFallsBack(_ value: String) {
        let (config, warnings) = XrSimConfig.parse(["XRSIM_RESOLUTION": value])
        #expect(config.resolution == XrSimConfig().resolution)
        #expect(warnings.count == 1)
    }

    @Test func badValuesWarnAndKeepDefaults() {
        let (config, warnings) = XrSimConfig.parse([
            "XRSIM_REFRESH_HZ": "0", "XRSIM_FRAMES": "-3", "XRSIM_CLOCK": "fast", "XRSIM_LOG_LEVEL": "loud",
        ])
        #expect(config == XrSimConfig())
        #expect(warnings.count == 4)
    }

    @Test func emptyValuesMeanUnset() {
        let (config, warnings) = XrSimConfig.parse(["XRSIM_FRAMES": "", "XRSIM_STATS_FILE": "", "XRSIM_RUNTIME_NAME": ""])
        #expect(config == XrSimConfig())
        #expect(warnings.isEmpty)
    }
}

/// Monado 25 refuses storage usage on sRGB swapchains; XrSim does the same
/// unless a test lifts the rule.
@Suite struct SwapchainUsageRuleTests {
    @Test func storageOnSRGBIsRefusedUnlessAllowed() {
        let storage: UInt64 = 0x04 | 0x01
        #expect(SwapchainUsageRule.refuses(format: 43, usage: storage, allowSRGBStorage: false))
        #expect(SwapchainUsageRule.refuses(format: 50, usage: storage, allowSRGBStorage: false))
        #expect(!SwapchainUsageRule.refuses(format: 43, usage: storage, allowSRGBStorage: true))
        #expect(!SwapchainUsageRule.refuses(format: 43, usage: 0x01 | 0x20, allowSRGBStorage: false))
        #expect(!SwapchainUsageRule.refuses(format: 37, usage: storage, allowSRGBStorage: false))
    }

    @Test func theSettingIsParsed() {
        #expect(!XrSimConfig.parse([:]).config.allowSRGBStorage)
        #expect(XrSimConfig.parse(["XRSIM_ALLOW_SRGB_STORAGE": "1"]).config.allowSRGBStorage)
        let bad = XrSimConfig.parse(["XRSIM_ALLOW_SRGB_STORAGE": "yes"])
        #expect(!bad.config.allowSRGBStorage && bad.warnings.count == 1)
    }
}
