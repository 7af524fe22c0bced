import COpenXR
import Foundation
import XrPerfCore

/// Why a file in the telemetry directory cannot be used.
enum TelemetryFileProblem: Error, Equatable, CustomStringConvertible {
    case cannotOpen(String)
    case notRegularFile
    case ownedByOtherUser(uid: UInt32)
    case tooSmall(size: Int, needed: Int)
    case notInitialized
    case wrongMagic(UInt64)
    case unknownLayoutVersion(UInt32)
    case wrongRecordSize(UInt32)
    case badHeaderSize(UInt32)
    case noCapacity
    case cannotMap(String)

    var description: String {
        switch self {
        case .cannotOpen(let reason): "cannot open: \(reason)"
        case .notRegularFile: "not a regular file"
        case .ownedByOtherUser(let uid): "owned by uid \(uid), not by you (uid \(getuid())); not read"
        case .tooSmall(let size, let needed): "too small: \(size) bytes, the layout needs \(needed)"
        case .notInitialized: "not initialised yet (magic is 0): the session is starting"
        case .wrongMagic(let magic): "not an xrperf telemetry file (magic 0x\(String(magic, radix: 16)))"
        case .unknownLayoutVersion(let version):
            "unknown layout version \(version) (this xrperf reads version \(XRPERF_TELEMETRY_LAYOUT_VERSION)); "
                + "use the xrperf CLI that matches the layer"
        case .wrongRecordSize(let size):
            "record size \(size) bytes, expected \(MemoryLayout<XrPerfFrameRecord>.size) for layout version \(XRPERF_TELEMETRY_LAYOUT_VERSION)"
        case .badHeaderSize(let size): "header size \(size) bytes is smaller than the \(MemoryLayout<XrPerfTelemetryHeader>.size) of the layout"
        case .noCapacity: "ring capacity is 0"
        case .cannotMap(let reason): "cannot map: \(reason)"
        }
    }
}

/// One session's shared-memory file, mapped read-only (PROT_READ): the
/// header is validated once, records are copied out under their seqlock.
final class TelemetryFile {
    let path: String
    private let base: UnsafeMutableRawPointer
    private let length: Int
    private let header: UnsafeMutablePointer<XrPerfTelemetryHeader>
    let capacity: UInt64
    let device: UInt64
    let inode: UInt64

    init(path: String) throws(TelemetryFileProblem) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile }
        guard info.st_uid == getuid() else { throw .ownedByOtherUser(uid: info.st_uid) }
        let size = Int(info.st_size)
        let headerSize = MemoryLayout<XrPerfTelemetryHeader>.size
        guard size >= headerSize else { throw .tooSmall(size: size, needed: headerSize) }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), mapped != MAP_FAILED else {
            throw .cannotMap(String(cString: strerror(errno)))
        }
        base = mapped
        length = size
        header = mapped.bindMemory(to: XrPerfTelemetryHeader.self, capacity: 1)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        let fields = header.pointee
        capacity = UInt64(fields.recordCapacity)
        do throws(TelemetryFileProblem) {
            if fields.magic == 0 { throw .notInitialized }
            guard fields.magic == XRPERF_TELEMETRY_MAGIC else { throw .wrongMagic(fields.magic) }
            guard fields.layoutVersion == XRPERF_TELEMETRY_LAYOUT_VERSION else {
                throw .unknownLayoutVersion(fields.layoutVersion)
            }
            guard fields.recordSize == UInt32(MemoryLayout<XrPerfFrameRecord>.size) else {
                throw .wrongRecordSize(fields.recordSize)
            }
            guard Int(fields.headerSize) >= headerSize, fields.headerSize % 8 == 0 else {
                throw .badHeaderSize(fields.headerSize)
            }
            guard fields.recordCapacity > 0 else { throw .noCapacity }
            let needed = Int(fields.headerSize) + Int(fields.recordCapacity) * Int(fields.recordSize)
            guard size >= needed else { throw .tooSmall(size: size, needed: needed) }
        } catch {
            munmap(mapped, size)
            throw error
        }
    }

    deinit { munmap(base, length) }

    var published: UInt64 { xrperf_telemetry_published(header) }
    var ended: Bool { xrperf_telemetry_state(header) == XRPERF_SESSION_STATE_ENDED }
    var stateName: String {
        switch xrperf_telemetry_state(header) {
        case XRPERF_SESSION_STATE_RUNNING: "running"
        case XRPERF_SESSION_STATE_ENDED: "ended"
        case let other: "state \(other)"
        }
    }

    var info: SessionInfo {
        let h = header.pointee
        return SessionInfo(
            pid: h.pid, sessionSerial: h.sessionSerial, application: Self.text(h.applicationName),
            engine: Self.text(h.engineName), runtime: Self.text(h.runtimeName), system: Self.text(h.systemName),
            gpu: Self.text(h.gpuName), profile: Self.text(h.profile), startRealtimeNs: h.startRealtimeNs,
            startMonotonicNs: h.startMonotonicNs)
    }

    /// A consistent copy of the slot of frame `n` (publish index), or nil when
    /// the writer kept it busy. The caller checks it is still frame n
    /// (RingCursor.decide).
    func copy(frame n: UInt64) -> FrameRecord? {
        var raw = XrPerfFrameRecord()
        let slot = xrperf_telemetry_slot(header, n)
        guard xrperf_telemetry_read_record(slot, &raw) != 0 else { return nil }
        return FrameRecord(raw)
    }

    /// Up to `maxFrames` most recent intact frames within `seconds` of the newest.
    func recentFrames(maxFrames: Int = 1024, seconds: Double = 1.0) -> [FrameRecord] {
        let published = self.published
        guard published > 0 else { return [] }
        // A few slots of slack at the old end: the writer moves on while we read.
        let oldest = RingCursor.oldestIntact(published: published, capacity: capacity) + min(8, capacity / 4)
        let first = max(oldest, published > UInt64(maxFrames) ? published - UInt64(maxFrames) : 0)
        guard first < published else { return [] }
        var frames: [FrameRecord] = []
        frames.reserveCapacity(Int(published - first))
        for n in first..<published {
            guard let frame = copy(frame: n) else { continue }
            guard n + capacity > self.published else { continue }
            if let last = frames.last, frame.frameIndex <= last.frameIndex { continue }
            frames.append(frame)
        }
        guard let newest = frames.last?.waitReturnNs else { return frames }
        let horizon = newest - Int64(seconds * 1e9)
        return frames.filter { $0.waitReturnNs >= horizon }
    }

    /// A NUL-terminated name field, bounded by its size when the writer left no NUL.
    static func text<T>(_ field: T) -> String {
        withUnsafeBytes(of: field) { bytes in
            let end = bytes.firstIndex(of: 0) ?? bytes.count
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
    }
}

extension FrameRecord {
    /// From the C record: -1 (or any negative duration) is "not measured".
    init(_ raw: XrPerfFrameRecord) {
        func duration(_ value: Int64) -> Int64? { value >= 0 ? value : nil }
        let flags = FrameFlags(rawValue: raw.flags)
        self.init(
            frameIndex: raw.frameIndex, predictedDisplayTime: raw.predictedDisplayTime,
            displayPeriodNs: raw.predictedDisplayPeriod, waitCallNs: raw.waitCallNs, waitReturnNs: raw.waitReturnNs,
            beginCallNs: raw.beginCallNs, endCallNs: raw.endCallNs, endReturnNs: raw.endReturnNs,
            appCpuNs: duration(raw.appCpuNs),
            appGpuNs: flags.contains(.gpuPending) || flags.contains(.gpuUnavailable) ? nil : duration(raw.appGpuNs),
            layerCpuNs: duration(raw.layerCpuNs), layerGpuNs: duration(raw.layerGpuNs),
            frameIntervalNs: duration(raw.frameIntervalNs), missedFrames: raw.missedFrames, flags: flags,
            features: FeatureFlags(rawValue: raw.featureFlags),
            knobs: KnobSettings(renderScale: raw.renderScale, frameDivisor: raw.frameDivisor,
                                foveation: FoveationMode(rawValue: raw.foveationMode) ?? .off))
    }
}
