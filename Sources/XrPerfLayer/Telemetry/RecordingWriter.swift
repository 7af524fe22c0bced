import Glibc
import Synchronization
import XrPerfCore

/// Writes a session's frames to a JSON Lines file (`XRPERF_RECORD`) from its
/// own thread, so formatting and disk writes never touch the frame loop. The
/// frame thread only pushes into a preallocated ring. Closing drains the ring
/// and writes the end line (OpenSessions closes it at exit when the app never
/// destroyed its session).
final class RecordingWriter: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let ring: FrameRingBuffer
    private let stopRequested = Atomic<Bool>(false)
    private let closed = Atomic<Bool>(false)
    private var thread: pthread_t?
    private var written: UInt64 = 0
    private var buffer: [UInt8] = []

    /// Frames the writer thread may fall behind before dropping (~45 s at 90 Hz).
    static let ringCapacity = 4096
    /// Bytes formatted between write(2) calls; a frame line is under 1 KiB.
    static let bufferBytes = 64 * 1024
    /// How often the thread wakes to write what arrived.
    static let flushIntervalNanoseconds = 50_000_000

    init?(path: String, session: SessionInfo) {
        self.path = path
        let injected = InjectedFaults.isActive(.recordingFile)
        fd = injected ? -1 : open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            let why = injected ? InjectedFaults.Injected(fault: .recordingFile).description : String(cString: strerror(errno))
            logWarn("cannot open XRPERF_RECORD file '\(path)': \(why); not recording")
            return nil
        }
        ring = FrameRingBuffer(capacity: Self.ringCapacity)
        buffer.reserveCapacity(Self.bufferBytes)
        RecordingFormat.appendHeaderLine(session, to: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        flushBuffer()
        // The flag tables (and every flag constant they list) are globals
        // made on first use: made here, before the writer thread exists, so
        // the frame thread's later reads of a flag never race with that
        // thread making them.
        _ = (FrameFlags.names.count, FeatureFlags.names.count)
        let unmanaged = Unmanaged.passRetained(self)
        var created = pthread_t()
        let status = pthread_create(&created, nil, { argument in
            let writer = Unmanaged<RecordingWriter>.fromOpaque(argument!).takeRetainedValue()
            writer.run()
            return nil
        }, unmanaged.toOpaque())
        if status != 0 {
            unmanaged.release()
            logWarn("cannot start the recording thread (\(status)); recording on session end only")
        } else {
            thread = created
        }
    }

    /// Frame thread: hand over a finished frame.
    func push(_ frame: FrameRecord) { ring.push(frame) }

    /// Drains everything, writes the end line and closes the file. Idempotent.
    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        stopRequested.store(true, ordering: .releasing)
        if let thread { pthread_join(thread, nil) }
        writePending()
        RecordingFormat.appendEndLine(frames: written, dropped: ring.dropped, to: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        flushBuffer()
        Glibc.close(fd)
        logInfo("recording written: \(path) (\(written) frames, \(ring.dropped) dropped)")
    }

    private func run() {
        var pause = timespec(tv_sec: 0, tv_nsec: Self.flushIntervalNanoseconds)
        while !stopRequested.load(ordering: .acquiring) {
            writePending()
            nanosleep(&pause, nil)
        }
    }

    private func writePending() {
        ring.drain { frame in
            RecordingFormat.appendFrameLine(frame, to: &buffer)
            buffer.append(UInt8(ascii: "\n"))
            written += 1
            // Stay inside the reserved capacity: no growth, no allocation.
            if buffer.count > Self.bufferBytes - 2048 { flushBuffer() }
        }
        flushBuffer()
    }

    private func flushBuffer() {
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                offset += count
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
