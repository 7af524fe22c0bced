import Foundation
import Testing
import XrPerfCore

/// A telemetry directory with session files written byte by byte after
/// include/xrperf/telemetry.h (layout version 3: 1024-byte header, 168-byte
/// records; or the 152-byte records of version 2, which the CLI still
/// reads), so the CLI can be tested without a running OpenXR app.
final class TelemetryFixture: @unchecked Sendable {
    let root: URL
    var directory: URL { root.appendingPathComponent("xrperf") }
    static let headerSize = 1024
    static let recordSize = 168
    static let layout2RecordSize = 152
    static func recordSize(layoutVersion: UInt32) -> Int { layoutVersion == 2 ? layout2RecordSize : recordSize }
    static let period: Int64 = 11_111_111

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("xrperf-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: root.path)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var environment: [String: String] {
        ["XDG_RUNTIME_DIR": root.path, "PATH": "/usr/bin:/bin", "HOME": root.path]
    }

    func path(pid: Int32, serial: UInt64) -> String {
        directory.appendingPathComponent(TelemetryDirectory.fileName(pid: pid, serial: serial)).path
    }

    /// The header bytes; `layoutVersion` and `recordSize` can be wrong on purpose.
    static func header(pid: Int32, serial: UInt64, published: UInt64, capacity: UInt32 = 1024,
                       layoutVersion: UInt32 = 3, recordSize: UInt32 = 168, state: UInt32 = 1,
                       application: String = "fixture_app") -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append(le: UInt64(0x314D_4C54_4652_5058))
        bytes.append(le: layoutVersion)
        bytes.append(le: UInt32(headerSize))
        bytes.append(le: recordSize)
        bytes.append(le: capacity)
        bytes.append(le: published)
        bytes.append(le: UInt32(bitPattern: pid))
        bytes.append(le: state)
        bytes.append(le: UInt64(1_700_000_000_000_000_000))
        // Now: the writer (this test process) must have started before its
        // session, or `status` takes the pid for a reused one.
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        bytes.append(le: UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec))
        bytes.append(le: serial)
        for name in [application, "engine", "XrSim", "XrSim HMD", "llvmpipe", "default"] {
            var field = Array(name.utf8.prefix(127))
            field += [UInt8](repeating: 0, count: 128 - field.count)
            bytes += field
        }
        bytes += [UInt8](repeating: 0, count: headerSize - bytes.count)
        return bytes
    }

    /// One record; GPU time `gpuNs` (-1: not measured), flags as in telemetry.h.
    /// App CPU `cpuNs` is the simulation thread's, the render thread's a
    /// quarter of it (a pipelined loop); layout 2 records end before them.
    static func record(frame: UInt64, sequence: UInt32 = 2, waitReturnNs: Int64, cpuNs: Int64 = 2_000_000,
                       gpuNs: Int64 = 5_000_000, late: Bool = false, flags: UInt32 = 0,
                       renderScale: Float = 1, decision: (forecastNs: Int64, targetNs: Int64)? = nil,
                       layoutVersion: UInt32 = 3) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append(le: sequence)
        bytes.append(le: flags | (late ? 1 : 0))
        bytes.append(le: frame)
        for value: Int64 in [waitReturnNs + 20_000_000, period, waitReturnNs - 1000, waitReturnNs, waitReturnNs + 10_000,
                             waitReturnNs + cpuNs, waitReturnNs + cpuNs + 50_000, cpuNs, gpuNs, 10_000, 0,
                             frame == 0 ? -1 : period * (late ? 2 : 1)] {
            bytes.append(le: UInt64(bitPattern: value))
        }
        bytes.append(le: UInt32(late ? 1 : 0))
        bytes.append(le: UInt32(1))  // gpu_timing
        bytes.append(le: renderScale.bitPattern)
        bytes.append(le: UInt32(1))
        bytes.append(le: UInt32(0))
        bytes.append(le: UInt32(0))
        bytes.append(le: UInt64(bitPattern: decision?.forecastNs ?? -1))
        bytes.append(le: UInt64(bitPattern: decision?.targetNs ?? -1))
        if layoutVersion != 2 {
            bytes.append(le: UInt64(bitPattern: cpuNs))
            bytes.append(le: UInt64(bitPattern: cpuNs / 4))
        }
        return bytes
    }

    /// A complete session file with `frames` frames at 90 Hz.
    @discardableResult
    func writeSession(pid: Int32 = getpid(), serial: UInt64 = 0, frames: Int, gpuNs: Int64 = 5_000_000,
                      lateEvery: Int = 0, layoutVersion: UInt32 = 3, recordSize: UInt32? = nil,
                      state: UInt32 = 1, decision: (forecastNs: Int64, targetNs: Int64)? = nil) throws -> String {
        let capacity = 1024
        let size = Self.recordSize(layoutVersion: layoutVersion)
        var bytes = Self.header(pid: pid, serial: serial, published: UInt64(frames), layoutVersion: layoutVersion,
                                recordSize: recordSize ?? UInt32(size), state: state)
        var slots = [[UInt8]](repeating: [UInt8](repeating: 0, count: size), count: capacity)
        var t: Int64 = 5_000_000_000
        for i in 0..<frames {
            let late = lateEvery > 0 && i % lateEvery == 0 && i > 0
            t += Self.period * (late ? 2 : 1)
            slots[i % capacity] = Self.record(frame: UInt64(i), waitReturnNs: t, gpuNs: gpuNs, late: late, decision: decision,
                                              layoutVersion: layoutVersion)
        }
        for slot in slots { bytes += slot }
        let path = path(pid: pid, serial: serial)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    /// A pid that belonged to a process which has exited.
    static func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func cli(_ arguments: [String], environment: [String: String]? = nil, timeout: TimeInterval = 60) throws
        -> ProcessOutput {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.cli)
        return try runProcess(artifacts.cli.path, arguments, environment: environment ?? self.environment,
                              timeout: timeout)
    }
}

/// Writes frames into a live session file at about 1 kHz from a thread, the
/// way the layer does (seqlock per slot, then publishedCount).
final class TelemetryFixtureWriter: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)
    private let startFrame: UInt64
    private let capacity: UInt64

    init(path: String, startFrame: UInt64, capacity: UInt64 = 1024) throws {
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw CocoaError(.fileReadNoPermission) }
        self.handle = handle
        self.startFrame = startFrame
        self.capacity = capacity
    }

    func start() {
        Thread.detachNewThread { self.loop() }
    }

    private func loop() {
        var frame = startFrame
        var t: Int64 = 100_000_000_000
        while !lock.withLock({ stopped }) {
            t += TelemetryFixture.period
            let slot = UInt64(TelemetryFixture.headerSize) + (frame % capacity) * UInt64(TelemetryFixture.recordSize)
            // Odd sequence while writing, even when done, then publish.
            let record = TelemetryFixture.record(frame: frame, sequence: 1, waitReturnNs: t,
                                                 gpuNs: 6_000_000 + Int64(frame % 7) * 10_000)
            write(record, at: slot)
            var sequence: [UInt8] = []
            sequence.append(le: UInt32(2))
            write(sequence, at: slot)
            frame += 1
            var published: [UInt8] = []
            published.append(le: frame)
            write(published, at: 24)
            Thread.sleep(forTimeInterval: 0.001)
        }
        done.signal()
    }

    private func write(_ bytes: [UInt8], at offset: UInt64) {
        handle.seek(toFileOffset: offset)
        handle.write(Data(bytes))
    }

    func stop() {
        lock.withLock { stopped = true }
        done.wait()
        try? handle.close()
    }
}

extension Array where Element == UInt8 {
    mutating func append<T: FixedWidthInteger>(le value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}

@Suite struct CliTelemetryFixtureTests {
    @Test func fixtureMatchesTheCLayout() throws {
        #expect(TelemetryFixture.header(pid: 1, serial: 0, published: 0).count == 1024)
        #expect(TelemetryFixture.record(frame: 0, waitReturnNs: 0).count == 168)
        #expect(TelemetryFixture.record(frame: 0, waitReturnNs: 0, layoutVersion: 2).count == 152)
        let fixture = try TelemetryFixture()
        let path = try fixture.writeSession(frames: 10)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == 1024 + 1024 * 168)
    }

    /// The app CPU parts of layout 3 in status; a layer of layout 2 (an
    /// older xrperf still running a session) is read too, without them.
    @Test func statusShowsAppCpuParts() throws {
        let fixture = try TelemetryFixture()
        try fixture.writeSession(serial: 5, frames: 30)
        try fixture.writeSession(serial: 6, frames: 30, layoutVersion: 2)
        let output = try fixture.cli(["status", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let text = try fixture.cli(["status"]).stdout
        #expect(text.contains("app CPU p50 2.00 ms (sim 2.00, render 0.50)"), "\(text)")
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("app CPU p50") }
        #expect(lines.count == 2 && lines.filter { $0.contains("(sim") }.count == 1, "\(text)")
        #expect(output.stdout.contains("\"simCpu\""), "\(output.stdout)")
    }

    @Test func statusShowsTheControllersPlan() throws {
        let fixture = try TelemetryFixture()
        try fixture.writeSession(serial: 3, frames: 20, decision: (forecastNs: 7_250_000, targetNs: 10_000_000))
        let text = try fixture.cli(["status"])
        #expect(text.stdout.contains("controller forecast GPU 7.25 ms at these settings, target 10.00 ms"),
                Comment(rawValue: text.stdout))
        let json = try fixture.cli(["status", "--json"])
        #expect(json.stdout.contains("\"forecastGpuMs\" : 7.25") && json.stdout.contains("\"targetMs\" : 10"),
                Comment(rawValue: json.stdout))
        let without = try TelemetryFixture()
        try without.writeSession(serial: 4, frames: 20)
        #expect(!(try without.cli(["status", "--json"]).stdout.contains("forecastGpuMs")))
    }
}
