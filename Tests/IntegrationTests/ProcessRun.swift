import Foundation

/// Output and exit status of a finished child process.
struct ProcessOutput {
    let status: Int32
    let stdout: String
    let stderr: String
    let timedOut: Bool

    var combined: String { stdout + "\n" + stderr }
}

/// Runs a program to completion with a clean, explicit environment. `stdin`
/// stays an open pipe until the program exits (hello_xr quits at once when its
/// stdin is /dev/null or closed); after `timeout` seconds the pipe is closed and
/// the program terminated, which the caller sees as `timedOut`.
func runProcess(_ executable: String, _ arguments: [String] = [], environment: [String: String],
                timeout: TimeInterval = 120) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe

    let collected = CollectedOutput()
    let group = DispatchGroup()
    for (pipe, isStdout) in [(stdoutPipe, true), (stderrPipe, false)] {
        group.enter()
        DispatchQueue.global().async {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            collected.store(data, isStdout: isStdout)
            group.leave()
        }
    }
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
        if Date() > deadline {
            timedOut = true
            try? stdinPipe.fileHandleForWriting.close()
            process.terminate()
            break
        }
        Thread.sleep(forTimeInterval: 0.02)
    }
    process.waitUntilExit()
    try? stdinPipe.fileHandleForWriting.close()
    group.wait()
    return ProcessOutput(status: process.terminationStatus, stdout: collected.stdout, stderr: collected.stderr,
                         timedOut: timedOut)
}

private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func store(_ data: Data, isStdout: Bool) {
        lock.withLock { if isStdout { out = data } else { err = data } }
    }

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }
}

/// A child left running while the test looks at it from outside (the live
/// telemetry file, `xrperf status`, `top`). Its stdin is a pipe kept open, so
/// hello_xr does not quit at once; the caller terminates it if still running.
final class BackgroundProcess {
    let process = Process()
    private let stdin = Pipe()

    init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var processIdentifier: Int32 { process.processIdentifier }

    /// Closes the child's stdin: hello_xr takes EOF as "quit" and ends its
    /// session the normal way.
    func closeInput() {
        try? stdin.fileHandleForWriting.close()
    }
    var isRunning: Bool { process.isRunning }

    /// Waits for the child to end by itself; its exit status, or nil when it
    /// was still running after `timeout` seconds (it is then terminated).
    func waitForExit(timeout: TimeInterval = 60) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    func terminateIfRunning() {
        if process.isRunning { process.terminate() }
    }
}
