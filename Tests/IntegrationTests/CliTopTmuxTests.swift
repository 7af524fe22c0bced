import Foundation
import Testing

/// `xrperf top` as a person sees it: in a real terminal (a tmux pane) beside a
/// running hello_xr, the screen shows the session's numbers and `q` quits.
@Suite(.serialized) struct CliTopTmuxTests {
    @Test func topRendersInATmuxPaneAndQuitsOnQ() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.cli, artifacts.layerLibrary, artifacts.runtimeManifest)
        try artifacts.require(paths: "/usr/bin/tmux")
        // Runs in real time until the test closes hello_xr's stdin.
        var env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf], frames: 0)
        defer { env.cleanUp() }
        env.variables["XRSIM_CLOCK"] = "realtime"

        let app = try BackgroundProcess(Artifacts.helloXr, ["-g", "Vulkan2"], environment: env.environment)
        defer { app.terminateIfRunning() }

        let socket = "xrperf-test-\(getpid())"
        func tmux(_ arguments: [String]) throws -> ProcessOutput {
            try runProcess("/usr/bin/tmux", ["-L", socket] + arguments, environment: env.environment)
        }
        defer { _ = try? tmux(["kill-server"]) }

        // Let the session publish a second of frames first.
        Thread.sleep(forTimeInterval: 1.5)
        // The pane outlives `top` briefly so its exit status can be read.
        let command = "\(artifacts.cli.path) top; echo xrperf-top-exit=$?; sleep 10"
        // The tmux server outlives this call and keeps what it inherits;
        // Foundation's Process makes the test wait for it, so plain posix_spawn.
        let status = try Self.spawnAndWait(
            "/usr/bin/tmux", ["-L", socket, "new-session", "-d", "-s", "top", "-x", "110", "-y", "32", command],
            environment: env.environment)
        #expect(status == 0)
        var screen = ""
        for _ in 0..<30 {
            Thread.sleep(forTimeInterval: 0.2)
            let captured = try tmux(["capture-pane", "-p", "-t", "top"])
            screen = captured.stdout.isEmpty ? captured.stderr : captured.stdout
            if screen.contains("HelloXR") && screen.contains("fps") { break }
        }
        #expect(screen.contains("HelloXR"), Comment(rawValue: screen))
        #expect(screen.contains("fps"), Comment(rawValue: screen))
        #expect(screen.contains("app GPU"), Comment(rawValue: screen))

        _ = try tmux(["send-keys", "-t", "top", "q"])
        var quit = false
        for _ in 0..<25 where !quit {
            Thread.sleep(forTimeInterval: 0.2)
            screen = try tmux(["capture-pane", "-p", "-t", "top"]).stdout
            quit = screen.contains("xrperf-top-exit=0")
        }
        #expect(quit, Comment(rawValue: "xrperf top did not quit with status 0 on q:\n\(screen)"))
        app.closeInput()
        #expect(app.waitForExit() == 0)
    }

    struct SpawnFailed: Error { let code: Int32 }

    static func spawnAndWait(_ path: String, _ arguments: [String], environment: [String: String]) throws -> Int32 {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, nil, nil, argv, envp)
        guard result == 0 else { throw SpawnFailed(code: result) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (status >> 8) & 0xFF
    }
}
