import COpenXR
import XrPerfCore
import XrPerfFormats

/// A file in $XDG_RUNTIME_DIR/xrperf/ as `xrperf status / top / record` read
/// it (TelemetryRing of XrPerfFormats): any bytes, as mapped.
/// Between validation and the reads the header's layout fields are
/// rewritten, as a live or hostile writer may: reads must stay in bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Exactly `size` bytes, aligned like a mapping: AddressSanitizer sees any read past the end.
    let mapping = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
    defer { mapping.deallocate() }
    mapping.copyMemory(from: UnsafeRawBufferPointer(start: data, count: size))
    guard let ring = try? TelemetryRing(mapping: UnsafeRawBufferPointer(mapping)) else { return 0 }
    _ = (ring.info, ring.stateName, ring.ended)
    rewriteLayout(mapping)
    for frame in ring.recentFrames(maxFrames: 64, seconds: 1e9) {
        _ = RecordingFormat.frameLine(frame)
    }
    _ = FrameStatistics(frames: ring.recentFrames(maxFrames: 1024, seconds: 1))
    record(ring)
    return 0
}

/// Swaps the header's size and capacity fields for other values, as a
/// writer could after the reader validated them.
private func rewriteLayout(_ mapping: UnsafeMutableRawBufferPointer) {
    let headerSize = MemoryLayout<XrPerfTelemetryHeader>.offset(of: \.headerSize)!
    let capacity = MemoryLayout<XrPerfTelemetryHeader>.offset(of: \.recordCapacity)!
    mapping.storeBytes(of: UInt32.max, toByteOffset: headerSize, as: UInt32.self)
    mapping.storeBytes(of: 1 + mapping.load(fromByteOffset: capacity, as: UInt32.self) &* 977, toByteOffset: capacity, as: UInt32.self)
}

/// `xrperf record`'s loop over the ring, bounded: cursor, copy, decide.
private func record(_ ring: TelemetryRing) {
    let published = ring.published
    var cursor = RingCursor(capacity: ring.capacity, start: published - min(published, 2 * ring.capacity))
    cursor.skipLapped(published: published)
    var steps = 0
    while cursor.next < published, steps < 4096, let frame = ring.copy(frame: cursor.next) {
        steps += 1
        switch cursor.decide(publishedAfterRead: ring.published, gpuPending: frame.flags.contains(.gpuPending)) {
        case .wait: return
        case .lost: cursor.advance(lost: true)
        case .take:
            _ = RecordingFormat.frameLine(frame)
            cursor.advance()
        }
    }
}
