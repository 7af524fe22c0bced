import COpenXR
import Glibc

/// Why a file in the telemetry directory cannot be used.
public enum TelemetryFileProblem: Error, Equatable, CustomStringConvertible {
    case cannotOpen(String)
    case notRegularFile
    case ownedByOtherUser(uid: UInt32)
    case tooSmall(size: Int, needed: Int)
    case notInitialized
    case wrongMagic(UInt64)
    case unknownLayoutVersion(UInt32)
    case wrongRecordSize(UInt32, layoutVersion: UInt32, expected: UInt32)
    case badHeaderSize(UInt32)
    case noCapacity
    case cannotMap(String)

    public var description: String {
        switch self {
        case .cannotOpen(let reason): "cannot open: \(reason)"
        case .notRegularFile: "not a regular file"
        case .ownedByOtherUser(let uid): "owned by uid \(uid), not by you (uid \(getuid())); not read"
        case .tooSmall(let size, let needed): "too small: \(size) bytes, the layout needs \(needed)"
        case .notInitialized: "not initialised yet (magic is 0): the session is starting"
        case .wrongMagic(let magic): "not an xrperf telemetry file (magic 0x\(String(magic, radix: 16)))"
        case .unknownLayoutVersion(let version):
            "unknown layout version \(version) (this xrperf reads versions 2 and \(XRPERF_TELEMETRY_LAYOUT_VERSION)); "
                + "use the xrperf CLI that matches the layer"
        case .wrongRecordSize(let size, let version, let expected):
            "record size \(size) bytes, expected \(expected) for layout version \(version)"
        case .badHeaderSize(let size): "header size \(size) bytes is smaller than the \(MemoryLayout<XrPerfTelemetryHeader>.size) of the layout"
        case .noCapacity: "ring capacity is 0"
        case .cannotMap(let reason): "cannot map: \(reason)"
        }
    }
}
