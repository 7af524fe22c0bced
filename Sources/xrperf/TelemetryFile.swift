import COpenXR
import Foundation
import XrPerfCore
import XrPerfFormats

/// One session's shared-memory file, mapped read-only (PROT_READ); what it
/// holds is read through TelemetryRing.
final class TelemetryFile {
    let path: String
    private let base: UnsafeMutableRawPointer
    private let length: Int
    private let ring: TelemetryRing
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
        do throws(TelemetryFileProblem) {
            ring = try TelemetryRing(mapping: UnsafeRawBufferPointer(start: mapped, count: size))
        } catch {
            munmap(mapped, size)
            throw error
        }
        base = mapped
        length = size
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    deinit { munmap(base, length) }

    var capacity: UInt64 { ring.capacity }
    var published: UInt64 { ring.published }
    var ended: Bool { ring.ended }
    var stateName: String { ring.stateName }
    var info: SessionInfo { ring.info }

    func copy(frame n: UInt64) -> FrameRecord? { ring.copy(frame: n) }

    func recentFrames(maxFrames: Int = 1024, seconds: Double = 1.0) -> [FrameRecord] {
        ring.recentFrames(maxFrames: maxFrames, seconds: seconds)
    }
}
