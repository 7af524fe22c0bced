import Foundation
import Testing
import XrPerfCore

/// `xrperf status` and `top` against synthetic session files.
@Suite struct CliStatusTests {
    struct Status: Decodable {
        struct Session: Decodable {
            struct Statistics: Decodable {
                struct Dist: Decodable { let p50: Double; let p99: Double }
                let fps: Double?
                let interval: Dist?
                let appCpu: Dist?
                let appGpu: Dist?
                let lateFrames: Int
                let bottleneck: String
                let headroom: [String: Double]
            }
            let id: String
            let application: String
            let pid: Int32
            let runtime: String
            let statistics: Statistics?
        }
        struct Note: Decodable { let file: String; let reason: String }
        let directory: String
        let directorySource: String
        let notes: [String]
        let sessions: [Session]
        let ignored: [Note]
        let cleaned: [Note]
    }

    func status(_ fixture: TelemetryFixture, environment: [String: String]? = nil) throws -> (ProcessOutput, Status) {
        let result = try fixture.cli(["status", "--json"], environment: environment)
        let decoded = try JSONDecoder().decode(Status.self, from: Data(result.stdout.utf8))
        return (result, decoded)
    }

    @Test func liveSessionHasPlausibleNumbers() throws {
        let fixture = try TelemetryFixture()
        try fixture.writeSession(frames: 3000, gpuNs: 6_000_000, lateEvery: 20)
        let (result, parsed) = try status(fixture)
        #expect(result.status == 0, Comment(rawValue: result.combined))
        let session = try #require(parsed.sessions.first)
        #expect(session.id == "\(getpid())-0")
        #expect(session.application == "fixture_app")
        #expect(session.runtime == "XrSim")
        let s = try #require(session.statistics)
        #expect(abs((s.fps ?? 0) - 90.0 * 20 / 21) < 1)
        #expect(abs((s.interval?.p50 ?? 0) - 11.111) < 0.01)
        #expect(abs((s.interval?.p99 ?? 0) - 22.222) < 0.01)
        #expect(s.appCpu?.p50 == 2)
        #expect(s.appGpu?.p50 == 6)
        #expect(s.lateFrames >= 1)
        #expect(s.bottleneck == "runtime-bound")
        #expect(abs((s.headroom["gpu"] ?? 0) - (1 - 6 / 11.111111)) < 0.001)

        let text = try fixture.cli(["status"])
        #expect(text.stdout.contains("fixture_app (pid \(getpid()))"))
        #expect(text.stdout.contains("bottleneck runtime-bound"))
    }

    @Test func staleFileOfADeadPidIsRemovedAndSaid() throws {
        let fixture = try TelemetryFixture()
        let stale = try fixture.writeSession(pid: try TelemetryFixture.deadPid(), frames: 10)
        let ended = try fixture.writeSession(serial: 5, frames: 10, state: 2)
        let (result, parsed) = try status(fixture)
        #expect(result.status == 1)
        #expect(parsed.sessions.isEmpty)
        #expect(Set(parsed.cleaned.map(\.file)) == [stale, ended])
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(!FileManager.default.fileExists(atPath: ended))
        let text = try fixture.cli(["status"])
        #expect(text.stdout.contains("no live xrperf session"))
    }

    @Test func unusableFilesAreReportedAndSkipped() throws {
        let fixture = try TelemetryFixture()
        let version = try fixture.writeSession(serial: 1, frames: 5, layoutVersion: 99)
        let size = try fixture.writeSession(serial: 2, frames: 5, recordSize: 128)
        let small = fixture.path(pid: getpid(), serial: 3)
        _ = FileManager.default.createFile(atPath: small, contents: Data([1, 2, 3]))
        let garbage = fixture.path(pid: getpid(), serial: 4)
        _ = FileManager.default.createFile(atPath: garbage, contents: Data(repeating: 0x41, count: 300_000))
        try fixture.writeSession(serial: 9, frames: 100)
        let (result, parsed) = try status(fixture)
        #expect(result.status == 0, Comment(rawValue: result.combined))
        #expect(parsed.sessions.map(\.id) == ["\(getpid())-9"])
        let reasons = Dictionary(uniqueKeysWithValues: parsed.ignored.map { ($0.file, $0.reason) })
        #expect(reasons[version]?.contains("unknown layout version 99") == true)
        #expect(reasons[size]?.contains("record size 128") == true)
        #expect(reasons[small]?.contains("too small") == true)
        #expect(reasons[garbage]?.contains("not an xrperf telemetry file") == true)
        // Nothing unusable is deleted: it may belong to a newer layer.
        #expect(FileManager.default.fileExists(atPath: version))
    }

    @Test func fileOfAnotherUserIsNotRead() throws {
        guard getuid() == 0 else { return }  // needs chown
        let fixture = try TelemetryFixture()
        let path = try fixture.writeSession(frames: 10)
        #expect(chown(path, 65534, 65534) == 0)
        let (result, parsed) = try status(fixture)
        #expect(result.status == 1)
        #expect(parsed.ignored.first?.reason.contains("owned by uid 65534") == true)
    }

    @Test func missingRuntimeDirectoryUsesTheFallbackAndSaysSo() throws {
        let fixture = try TelemetryFixture()
        var environment = fixture.environment
        environment.removeValue(forKey: "XDG_RUNTIME_DIR")
        let (result, parsed) = try status(fixture, environment: environment)
        #expect(parsed.directorySource == "fallback")
        #expect(parsed.directory == "/tmp/xrperf-\(getuid())")
        #expect(result.stderr.contains("XDG_RUNTIME_DIR is not set; using the fallback /tmp/xrperf-\(getuid())"))
        #expect(result.status == 0 || result.status == 1)
    }

    @Test func directoryOfAnotherUserIsRefused() throws {
        guard getuid() == 0 else { return }
        let fixture = try TelemetryFixture()
        #expect(chown(fixture.directory.path, 65534, 65534) == 0)
        let result = try fixture.cli(["status"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("belongs to uid 65534"))
    }

    @Test func topPrintsPlainLinesWhenNotATerminal() throws {
        let fixture = try TelemetryFixture()
        try fixture.writeSession(frames: 500)
        let result = try fixture.cli(["top", "--count", "2", "--interval", "0.1"])
        #expect(result.status == 0, Comment(rawValue: result.combined))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("session=\(getpid())-0") && $0.contains("gpu_p50=5.00ms") })
        let missing = try fixture.cli(["top", "--session", "1-1"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no session 1-1"))
    }
}

/// A live pid that started after the session it is named in cannot be its
/// writer: the file is stale (pid reuse) and is cleaned.
@Suite struct CliPidReuseTests {
    @Test func sessionOlderThanItsLiveProcessIsCleaned() throws {
        let fixture = try TelemetryFixture()
        var bytes = TelemetryFixture.header(pid: getpid(), serial: 4, published: 0)
        // Session start: 1 s after boot, long before this test process began.
        bytes.replaceSubrange(48..<56, with: withUnsafeBytes(of: UInt64(1_000_000_000).littleEndian, Array.init))
        bytes += [UInt8](repeating: 0, count: 1024 * TelemetryFixture.recordSize)
        let path = fixture.path(pid: getpid(), serial: 4)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes),
                                               attributes: [.posixPermissions: 0o600]))
        let result = try runProcess(Artifacts().cli.path, ["status", "--json"], environment: fixture.environment)
        #expect(result.stdout.contains("now belongs to a process started after the session"), Comment(rawValue: result.combined))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
