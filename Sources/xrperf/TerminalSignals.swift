import Foundation

/// Set by SIGINT / SIGTERM / SIGHUP while a long-running command (`top`,
/// `record`) wants to finish cleanly: restore the terminal, write the end line.
nonisolated(unsafe) private var stopRequestedFlag: sig_atomic_t = 0

enum TerminalSignals {
    /// Installs the handlers; the previous ones are not restored (the command
    /// exits right after).
    static func catchStopSignals() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in stopRequestedFlag = 1 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: poll() and sleeps return early
            sigaction(signalNumber, &action, nil)
        }
    }

    static var stopRequested: Bool { stopRequestedFlag != 0 }

    static func requestStop() { stopRequestedFlag = 1 }

    /// CLOCK_MONOTONIC in nanoseconds (the clock of the frame timestamps).
    static func monotonicNs() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Sleeps up to `seconds`, returning early on a signal.
    static func sleep(seconds: Double) {
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        _ = nanosleep(&request, nil)
    }
}

/// The terminal in raw mode for `xrperf top`: no echo, no line buffering,
/// Ctrl-C arriving as a byte; the alternate screen; restored by `restore()`.
final class TerminalRawMode {
    private var saved = termios()
    private var active = false

    /// nil when standard input or output is not a terminal.
    init?() {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else {
            return nil
        }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { return nil }
        active = true
        // Alternate screen, cursor hidden.
        Self.write("\u{1B}[?1049h\u{1B}[?25l")
    }

    func restore() {
        guard active else { return }
        active = false
        Self.write("\u{1B}[?25h\u{1B}[?1049l")
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
    }

    deinit { restore() }

    /// Waits up to `seconds` for a key; true when q, Q, Ctrl-C or Ctrl-D came.
    func waitForQuit(seconds: Double) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        guard count > 0 else { return false }
        return buffer[0..<count].contains { $0 == UInt8(ascii: "q") || $0 == UInt8(ascii: "Q") || $0 == 3 || $0 == 4 }
    }

    /// Terminal size (columns, rows); 80 x 24 when unknown.
    static func size() -> (columns: Int, rows: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
