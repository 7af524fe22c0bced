import Glibc
import XrPerfCore

/// The faults XRPERF_FAULT asks for, read once per process. Compiled into
/// the shipped library on purpose: the tests exercise the same code users run.
enum InjectedFaults {
    struct Injected: Error, CustomStringConvertible {
        let fault: FaultPoint
        var description: String { "injected fault \(fault.rawValue) (XRPERF_FAULT)" }
    }

    private static let active: Set<FaultPoint> = {
        guard let raw = getenv("XRPERF_FAULT") else { return [] }
        let parsed = FaultPoint.parse(String(cString: raw))
        if !parsed.unknown.isEmpty {
            logWarn("XRPERF_FAULT: unknown fault(s) \(parsed.unknown.joined(separator: ", ")); known: "
                    + FaultPoint.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return parsed.faults
    }()

    static func isActive(_ fault: FaultPoint) -> Bool {
        !active.isEmpty && active.contains(fault)
    }

    /// Throws where the real failure would be thrown.
    static func check(_ fault: FaultPoint) throws(Injected) {
        if isActive(fault) { throw Injected(fault: fault) }
    }
}
