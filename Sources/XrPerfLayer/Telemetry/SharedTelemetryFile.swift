import COpenXR
import Glibc
import XrPerfCore
import XrPerfFormats

/// The live telemetry file of one session (layout: include/xrperf/telemetry.h),
/// mapped shared so `xrperf status` / `top` read frames while the app runs.
/// Created 0600 in a 0700 per-user directory; a directory that is a symlink,
/// not ours, or open to others is refused. Removed when the session ends.
final class SharedTelemetryFile: @unchecked Sendable {
    let path: String
    private let header: UnsafeMutablePointer<XrPerfTelemetryHeader>
    private let mappedBytes: Int
    private var published: UInt64 = 0
    private var closed = false

    enum Failure: Error, CustomStringConvertible {
        case directory(String, String)
        case file(String, String)

        var description: String {
            switch self {
            case .directory(let path, let why): "telemetry directory \(path): \(why)"
            case .file(let path, let why): "telemetry file \(path): \(why)"
            }
        }
    }

    init(session info: SessionInfo, capacity: UInt32, environment: [String: String]) throws(Failure) {
        let directory = TelemetryDirectory.path(environment: environment, uid: getuid())
        try Self.prepareDirectory(directory)
        path = directory + "/" + TelemetryDirectory.fileName(pid: info.pid, serial: info.sessionSerial)
        let recordBytes = MemoryLayout<XrPerfFrameRecord>.stride * Int(capacity)
        mappedBytes = MemoryLayout<XrPerfTelemetryHeader>.stride + recordBytes

        if InjectedFaults.isActive(.telemetryFile) {
            throw .file(path, InjectedFaults.Injected(fault: .telemetryFile).description)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .file(path, Self.errnoText()) }
        defer { Glibc.close(fd) }
        guard ftruncate(fd, off_t(mappedBytes)) == 0 else {
            let why = Self.errnoText()
            unlink(path)
            throw .file(path, "cannot size it: \(why)")
        }
        guard let memory = mmap(nil, mappedBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
              memory != UnsafeMutableRawPointer(bitPattern: -1) else {
            let why = Self.errnoText()
            unlink(path)
            throw .file(path, "cannot map it: \(why)")
        }
        header = memory.bindMemory(to: XrPerfTelemetryHeader.self, capacity: 1)
        // ftruncate zero-filled the file: every slot's seqlock starts even.
        var value = XrPerfTelemetryHeader()
        value.magic = XRPERF_TELEMETRY_MAGIC
        value.layoutVersion = XRPERF_TELEMETRY_LAYOUT_VERSION
        value.headerSize = UInt32(MemoryLayout<XrPerfTelemetryHeader>.stride)
        value.recordSize = UInt32(MemoryLayout<XrPerfFrameRecord>.stride)
        value.recordCapacity = capacity
        value.pid = info.pid
        value.state = XRPERF_SESSION_STATE_RUNNING
        value.startRealtimeNs = info.startRealtimeNs
        value.startMonotonicNs = info.startMonotonicNs
        value.sessionSerial = info.sessionSerial
        copyName(info.application, into: &value.applicationName)
        copyName(info.engine, into: &value.engineName)
        copyName(info.runtime, into: &value.runtimeName)
        copyName(info.system, into: &value.systemName)
        copyName(info.gpu, into: &value.gpuName)
        copyName(info.profile, into: &value.profile)
        header.pointee = value
    }

    /// Publishes the next frame into the next slot.
    func publish(_ record: inout XrPerfFrameRecord) {
        xrperf_telemetry_write_record(xrperf_telemetry_slot(header, published), &record)
        published &+= 1
        xrperf_telemetry_set_published(header, published)
    }

    /// Frames rewritten after publication (GPU time) are among the last few.
    static let updateWindow: UInt64 = 16

    /// Rewrites a frame already published (its GPU time arrived), found by
    /// frameIndex among the most recent slots; nothing if the ring moved on.
    func update(_ record: inout XrPerfFrameRecord) {
        let window = min(published, min(Self.updateWindow, UInt64(header.pointee.recordCapacity)))
        var candidate = published
        while candidate > published - window {
            candidate -= 1
            // Only this thread writes the slots, so reading our own is safe.
            if let slot = xrperf_telemetry_slot(header, candidate), slot.pointee.frameIndex == record.frameIndex {
                xrperf_telemetry_write_record(slot, &record)
                return
            }
        }
    }

    func setGpuName(_ name: String) {
        copyName(name, into: &header.pointee.gpuName)
    }

    /// Marks the session ended, unmaps and removes the file.
    func close() {
        guard !closed else { return }
        closed = true
        xrperf_telemetry_set_state(header, XRPERF_SESSION_STATE_ENDED)
        munmap(header, mappedBytes)
        // `xrperf status` may have removed an ended session's file already.
        if unlink(path) != 0, errno != ENOENT {
            logDebug("cannot remove \(path): \(Self.errnoText())")
        }
    }

    private static func prepareDirectory(_ directory: String) throws(Failure) {
        if mkdir(directory, 0o700) != 0, errno != EEXIST {
            throw .directory(directory, errnoText())
        }
        var info = stat()
        guard lstat(directory, &info) == 0 else { throw .directory(directory, errnoText()) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .directory(directory, "is not a directory (a symlink?)") }
        guard info.st_uid == getuid() else { throw .directory(directory, "owned by uid \(info.st_uid), not us") }
        if info.st_mode & 0o077 != 0 {
            // Our own directory, but open to others: tighten it rather than leak frame data.
            guard chmod(directory, 0o700) == 0 else { throw .directory(directory, "mode is not 0700") }
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Copies a name into a fixed C char array, cut to fit and NUL-terminated.
func copyName<Tuple>(_ name: String, into tuple: inout Tuple) {
    withUnsafeMutableBytes(of: &tuple) { bytes in
        bytes.initializeMemory(as: UInt8.self, repeating: 0)
        let limit = bytes.count - 1
        var count = 0
        for byte in name.utf8 {
            if count == limit { break }
            bytes[count] = byte
            count += 1
        }
    }
}
