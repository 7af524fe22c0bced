import Testing
@testable import XrSimCore

@Suite struct DumpSettingsTests {
    @Test func noDumpDirectoryMeansNoDump() {
        let (config, warnings) = XrSimConfig.parse(["XRSIM_DUMP_FRAMES": "1,2"])
        #expect(config.dump == nil)
        #expect(warnings.isEmpty)
        #expect(XrSimConfig.parse(["XRSIM_DUMP_DIR": ""]).config.dump == nil)
    }

    @Test func directoryAloneDumpsTheDefaultFrame() {
        let (config, warnings) = XrSimConfig.parse(["XRSIM_DUMP_DIR": "/tmp/dumps"])
        #expect(config.dump == DumpSettings(directory: "/tmp/dumps", frames: [10]))
        #expect(warnings.isEmpty)
    }

    @Test func framesAreReadWithTheDirectory() {
        let (config, warnings) = XrSimConfig.parse(["XRSIM_DUMP_DIR": "d", "XRSIM_DUMP_FRAMES": "0, 3,3 ,120"])
        #expect(config.dump?.frames == [0, 3, 120])
        #expect(warnings.isEmpty)
    }

    @Test(arguments: ["x", "1,,2", ",", "1,", "-1", "1 2", "1;2", "1.5"])
    func badFrameListsWarnAndKeepTheDefault(_ value: String) {
        let (config, warnings) = XrSimConfig.parse(["XRSIM_DUMP_DIR": "d", "XRSIM_DUMP_FRAMES": value])
        #expect(config.dump?.frames == DumpSettings.defaultFrames)
        #expect(warnings == ["ignoring XRSIM_DUMP_FRAMES=\(value): invalid value"])
    }

    @Test func parsesFrameLists() {
        #expect(DumpSettings.parseFrames("7") == [7])
        #expect(DumpSettings.parseFrames("\t1\t,2") == [1, 2])
        #expect(DumpSettings.parseFrames("18446744073709551615") == [UInt64.max])
        #expect(DumpSettings.parseFrames("") == nil)
        #expect(DumpSettings.parseFrames(" ") == nil)
    }
}
