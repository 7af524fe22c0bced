import COpenXR
import XrPerfCore

/// A session's telemetry as mapped from its file, without the file: the
/// header validated once, records copied out under their seqlock. The
/// layout the header declared at validation (records' offset, capacity) is
/// kept and used for every read: the file belongs to a live writer, and a
/// header rewritten afterwards must not move reads outside the mapping.
public struct TelemetryRing {
    private let header: UnsafePointer<XrPerfTelemetryHeader>
    private let records: UnsafeRawPointer
    private let recordSize: UInt32
    public let capacity: UInt64
    public let layoutVersion: UInt32

    /// `mapping` starts at the header, 8-byte aligned (a mapped file is) and
    /// must outlive the ring.
    public init(mapping: UnsafeRawBufferPointer) throws(TelemetryFileProblem) {
        let headerSize = MemoryLayout<XrPerfTelemetryHeader>.size
        guard let base = mapping.baseAddress, mapping.count >= headerSize else {
            throw .tooSmall(size: mapping.count, needed: headerSize)
        }
        let fields = base.load(as: XrPerfTelemetryHeader.self)
        if fields.magic == 0 { throw .notInitialized }
        guard fields.magic == XRPERF_TELEMETRY_MAGIC else { throw .wrongMagic(fields.magic) }
        // Layout 2 (a layer built before the app CPU parts) is read too: its
        // records are a prefix of today's.
        let expectedSize: UInt32
        switch fields.layoutVersion {
        case XRPERF_TELEMETRY_LAYOUT_VERSION: expectedSize = UInt32(MemoryLayout<XrPerfFrameRecord>.size)
        case 2: expectedSize = XRPERF_TELEMETRY_LAYOUT_VERSION_2_RECORD_SIZE
        default: throw .unknownLayoutVersion(fields.layoutVersion)
        }
        guard fields.recordSize == expectedSize else {
            throw .wrongRecordSize(fields.recordSize, layoutVersion: fields.layoutVersion, expected: expectedSize)
        }
        guard Int(fields.headerSize) >= headerSize, fields.headerSize % 8 == 0 else {
            throw .badHeaderSize(fields.headerSize)
        }
        guard fields.recordCapacity > 0 else { throw .noCapacity }
        // 32-bit fields: no overflow in 64-bit Int.
        let needed = Int(fields.headerSize) + Int(fields.recordCapacity) * Int(fields.recordSize)
        guard mapping.count >= needed else { throw .tooSmall(size: mapping.count, needed: needed) }
        header = UnsafePointer(base.assumingMemoryBound(to: XrPerfTelemetryHeader.self))
        records = UnsafeRawPointer(base + Int(fields.headerSize))
        recordSize = fields.recordSize
        capacity = UInt64(fields.recordCapacity)
        layoutVersion = fields.layoutVersion
    }

    public var published: UInt64 { xrperf_telemetry_published(header) }
    public var ended: Bool { xrperf_telemetry_state(header) == XRPERF_SESSION_STATE_ENDED }
    public var stateName: String {
        switch xrperf_telemetry_state(header) {
        case XRPERF_SESSION_STATE_RUNNING: "running"
        case XRPERF_SESSION_STATE_ENDED: "ended"
        case let other: "state \(other)"
        }
    }

    public var info: SessionInfo {
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
    public func copy(frame n: UInt64) -> FrameRecord? {
        var raw = XrPerfFrameRecord()
        let slot = records + Int(n % capacity) * Int(recordSize)
        guard xrperf_telemetry_read_sized_record(slot, recordSize, &raw) != 0 else { return nil }
        return FrameRecord(raw)
    }

    /// Up to `maxFrames` most recent intact frames within `seconds` of the newest.
    public func recentFrames(maxFrames: Int = 1024, seconds: Double = 1.0) -> [FrameRecord] {
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
            // Still frame n after the copy: the writer has not reused its slot
            // (written as a difference: n + capacity can overflow).
            let now = self.published
            guard now < n || now - n < capacity else { continue }
            if let last = frames.last, frame.frameIndex <= last.frameIndex { continue }
            frames.append(frame)
        }
        guard let newest = frames.last?.waitReturnNs else { return frames }
        // Timestamps come from the file: saturate rather than trap on a bad one.
        let window = seconds * 1e9 < 9e18 ? Int64(seconds * 1e9) : Int64.max
        let (horizon, overflow) = newest.subtractingReportingOverflow(window)
        return overflow ? frames : frames.filter { $0.waitReturnNs >= horizon }
    }

    /// A NUL-terminated name field, bounded by its size when the writer left no NUL.
    public static func text<T>(_ field: T) -> String {
        withUnsafeBytes(of: field) { bytes in
            let end = bytes.firstIndex(of: 0) ?? bytes.count
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
    }
}
