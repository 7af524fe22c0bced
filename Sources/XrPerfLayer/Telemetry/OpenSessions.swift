import Glibc
import Synchronization

/// Sessions whose telemetry is still open. An app that exits without
/// destroying its session (or that handles SIGTERM by calling exit) still gets
/// a complete recording and no stale live file: an atexit hook closes them.
final class OpenSessions: Sendable {
    static let shared = OpenSessions()
    private let sessions = Mutex<[ObjectIdentifier: SessionTelemetry]>([:])

    private init() {
        atexit { OpenSessions.shared.closeAllAtExit() }
    }

    func add(_ telemetry: SessionTelemetry) {
        sessions.withLock { $0[ObjectIdentifier(telemetry)] = telemetry }
    }

    func remove(_ telemetry: SessionTelemetry) {
        _ = sessions.withLock { $0.removeValue(forKey: ObjectIdentifier(telemetry)) }
    }

    private func closeAllAtExit() {
        let open = sessions.withLock { sessions in
            defer { sessions.removeAll() }
            return Array(sessions.values)
        }
        for telemetry in open { telemetry.closeAtExit() }
    }
}
