import Foundation
import Testing

/// XrSim's optional extensions (XRSIM_EXTENSIONS): XR_FB_display_refresh_rate
/// and XR_EXT_performance_settings driven by a C host through the real loader
/// with no API layer, so what is checked is the runtime alone. The host
/// (Tests/hosts/refresh_rate.c) prints "ok"/"FAIL" per check and exits with
/// the number of failures; the test adds what only the logs show.
@Suite(.serialized) struct XrSimExtensionsTests {
    static let both = "XR_FB_display_refresh_rate, XR_EXT_performance_settings"

    func run(clock: String, _ variables: [String: String]) throws -> ProcessOutput {
        let artifacts = Artifacts()
        let host = artifacts.host("refresh_rate")
        try artifacts.require(host, artifacts.runtimeManifest, artifacts.runtimeLibrary)
        var env = try XrEnvironment(artifacts: artifacts, frames: 0)
        defer { env.cleanUp() }
        env.variables["XRSIM_CLOCK"] = clock
        env.variables.merge(variables) { $1 }
        return try runProcess(host.path, environment: env.environment, timeout: 60)
    }

    func lines(_ output: ProcessOutput, starting prefix: String) -> [String] {
        output.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }

    @Test(arguments: ["virtual", "realtime"])
    func refreshRateSwitchesAtTheNextWaitFrame(clock: String) throws {
        let output = try run(clock: clock, ["XRSIM_EXTENSIONS": Self.both, "XRSIM_REFRESH_RATES": "90,72,60"])
        let context = Comment(rawValue: output.combined)
        #expect(output.status == 0 && !output.timedOut, context)
        #expect(lines(output, starting: "FAIL").isEmpty, context)
        #expect(lines(output, starting: "ok ").count >= 30, context)
        #expect(lines(output, starting: "rates") == ["rates 60 72 90"], context)
        #expect(lines(output, starting: "initial") == ["initial 90"], context)
        #expect(lines(output, starting: "switched") == ["switched 90 -> 60 period 16666667"], context)
        if clock == "virtual" {
            #expect(lines(output, starting: "apart") == ["apart 16666667"], context)
        }
        #expect(output.stderr.contains("[xrsim] display refresh rate 90.0 -> 60.0 Hz"), context)
        #expect(output.stderr.contains("[xrsim] display refresh rate 60.0 -> 90.0 Hz"), context)
    }

    @Test func performanceLevelsAreLoggedAtInfo() throws {
        let output = try run(clock: "virtual", ["XRSIM_EXTENSIONS": Self.both, "XRSIM_REFRESH_RATES": "72,90"])
        let context = Comment(rawValue: output.combined)
        #expect(output.status == 0, context)
        #expect(output.stderr.contains("[xrsim] performance level CPU -> SUSTAINED_LOW"), context)
        #expect(output.stderr.contains("[xrsim] performance level GPU -> BOOST"), context)
    }

    /// An unknown name is a warning, not a failure: the known ones still work.
    @Test func unknownExtensionNamesOnlyWarn() throws {
        let output = try run(clock: "virtual", [
            "XRSIM_EXTENSIONS": "XR_EXT_eye_gaze_interaction_typo," + Self.both, "XRSIM_REFRESH_RATES": "60,90",
        ])
        let context = Comment(rawValue: output.combined)
        #expect(output.status == 0, context)
        #expect(output.stderr.contains("ignoring XR_EXT_eye_gaze_interaction_typo in XRSIM_EXTENSIONS"), context)
        #expect(lines(output, starting: "switched") == ["switched 60 -> 90 period 11111111"], context)
    }
}
