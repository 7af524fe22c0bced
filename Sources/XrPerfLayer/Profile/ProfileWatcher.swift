import Glibc
import Synchronization
import XrPerfCore

/// Reloads the profile of every live session when its file changes, from a
/// thread of its own blocked in inotify: nothing on the frame path waits for
/// it. Directories are watched, not files, because editors save by writing a
/// new file and renaming it over the old one. A valid change applies from the
/// next frame; an invalid one is reported and the running settings stay.
final class ProfileWatcher: Sendable {
    static let shared = ProfileWatcher()
    private let started = Atomic<Bool>(false)

    /// Starts the thread on the first session; later calls do nothing.
    func startIfNeeded() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let candidates = ProfileSearch.candidates(environment: processEnvironment()).map(\.path)
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else {
            logWarn("profile changes will not be noticed: inotify: \(String(cString: strerror(errno)))")
            return
        }
        var watched: [(Int32, String)] = []
        for path in candidates {
            let slash = path.lastIndex(of: "/") ?? path.startIndex
            let directory = slash == path.startIndex ? "/" : String(path[..<slash])
            let name = String(path[path.index(after: slash)...])
            let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_DELETE) | UInt32(IN_CREATE)
            let descriptor = inotify_add_watch(fd, directory, mask)
            if descriptor >= 0 { watched.append((descriptor, name)) }
        }
        guard !watched.isEmpty else {
            close(fd)
            logDebug("no profile directory exists yet: profile changes are not watched")
            return
        }
        let context = Unmanaged.passRetained(WatchContext(fd: fd, watched: watched))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { argument in
            Unmanaged<WatchContext>.fromOpaque(argument!).takeRetainedValue().run()
            return nil
        }, context.toOpaque())
        if status == 0 {
            pthread_detach(thread)
        } else {
            context.release()
            close(fd)
            logWarn("profile changes will not be noticed: cannot start a thread (\(status))")
        }
    }
}

/// The watcher thread's state. It lives as long as the process: the loader
/// never unloads the layer.
private final class WatchContext: @unchecked Sendable {
    let fd: Int32
    let watched: [(descriptor: Int32, name: String)]

    init(fd: Int32, watched: [(Int32, String)]) {
        self.fd = fd
        self.watched = watched.map { (descriptor: $0.0, name: $0.1) }
    }

    func run() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            guard concernsProfile(buffer[..<count]) else { continue }
            // An editor's save is a burst of events: let it finish first.
            var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
            nanosleep(&pause, nil)
            reloadAllSessions()
        }
    }

    /// Whether any event in the batch names a profile file we watch.
    private func concernsProfile(_ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        let headerSize = 16  // wd, mask, cookie, len: four 32-bit fields
        while offset + headerSize <= bytes.endIndex {
            func field(_ index: Int) -> UInt32 {
                var value: UInt32 = 0
                for byte in 0..<4 { value |= UInt32(bytes[offset + index * 4 + byte]) << (8 * byte) }
                return value
            }
            let descriptor = Int32(bitPattern: field(0))
            let length = Int(field(3))
            let nameBytes = bytes[(offset + headerSize)..<min(bytes.endIndex, offset + headerSize + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            if watched.contains(where: { $0.descriptor == descriptor && $0.name == name }) { return true }
            offset += headerSize + length
        }
        return false
    }

    private func reloadAllSessions() {
        for session in Registry.sessions.snapshot() {
            guard let profile = SessionProfile.reload(facts: session.facts) else { continue }
            let before = session.throttle.targetFps
            let after = profile.settings.throttle.targetFps
            session.throttle.setTarget(after)
            logInfo("profile reloaded for app '\(session.instance.applicationName)': \(profile.summary); "
                    + "throttle.targetFps \(before) -> \(after)")
        }
    }
}
