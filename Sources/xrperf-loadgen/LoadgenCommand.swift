import ArgumentParser
import COpenXR
import Foundation

/// `xrperf-loadgen`: an OpenXR Vulkan app whose per-frame GPU and CPU cost is
/// set on the command line or by a schedule; xrperf's demo, bench and test client.
@main
struct LoadgenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xrperf-loadgen",
        abstract: "An OpenXR Vulkan app with controllable GPU and CPU load per frame.",
        discussion: """
            Runs a stereo (PRIMARY_STEREO) OpenXR session on the active runtime \
            (XR_RUNTIME_JSON; any API layers enabled with XR_ENABLE_API_LAYERS sit \
            in between) and submits one projection layer with both eyes every frame.

            GPU LOAD: every frame a compute pass writes each eye's swapchain image \
            (R8G8B8A8_UNORM, used as a storage image) with a test pattern, running \
            --gpu-iterations dependent arithmetic steps per pixel whose result is \
            written too, so GPU time grows with pixels x iterations. --scale renders \
            into a rectangle of the recommended size times S (the projection views' imageRect), \
            so pixel cost can be varied as well. The work is submitted between \
            xrBeginFrame and xrEndFrame, where xrperf measures app GPU time; the GPU \
            runs at most 2 frames behind.

            CPU LOAD: after xrWaitFrame returns, the app busy-spins on \
            CLOCK_MONOTONIC until --cpu-ms milliseconds have passed since that \
            return, then calls xrBeginFrame (CPU work is done before the frame's GPU \
            work starts, so it never inflates app GPU time). Waiting for the GPU to \
            be at most 2 frames behind counts towards those milliseconds.

            SCHEDULE FILE (--schedule): one entry per line, '#' starts a comment; \
            frames are counted from 0 (the first submitted frame):
              frame <n> gpu-iterations <k> cpu-ms <x>
                  from frame n on use k iterations and x ms (give either or both)
              ramp <from-frame> <to-frame> gpu-iterations <a> <b>
              ramp <from-frame> <to-frame> cpu-ms <a> <b>
                  change linearly from a at from-frame to b at to-frame, then stay at b
            Before the first entry the command-line values apply; entries take \
            effect in order of their first frame, a later one overriding an earlier \
            one for the same quantity. A bad line stops the app before OpenXR starts \
            with '<file>:<line>: <what is wrong>' and exit status 2.

            ENDING: the app runs until the runtime ends the session (STOPPING, then \
            EXITING: XrSim does so after XRSIM_FRAMES frames), or asks it to end with \
            xrRequestExitSession after --frames frames, after --seconds seconds, or on \
            SIGINT/SIGTERM, whichever comes first. At exit it prints one line to \
            standard output, 'xrperf-loadgen: ' followed by
              frames=<n> rendered=<r> seconds=<s> fps=<mean> pixels_per_frame=<p>
            frames: frames submitted; rendered: those the runtime wanted drawn \
            (shouldRender); seconds: from the first xrWaitFrame's return to the last \
            xrEndFrame's; pixels_per_frame: both eyes' rectangles per rendered frame.

            EXIT STATUS: 0 the session ended normally, 1 an OpenXR or Vulkan call \
            failed or the runtime lacks what the app needs (message on standard \
            error), 2 the schedule file cannot be read or parsed, 64 usage error.

            EXAMPLES:
              xrperf-loadgen --frames 900 --gpu-iterations 200 --pattern bar
              xrperf-loadgen --seconds 10 --scale 1.4 --cpu-ms 4
              XRPERF_RECORD=run.jsonl XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance \\
                xrperf-loadgen --schedule ramp.txt --frames 600
            """
    )

    @Option(name: .long, help: ArgumentHelp("Request the session's end after this many frames.", valueName: "n"))
    var frames: UInt64?

    @Option(name: .long, help: ArgumentHelp("Request the session's end after this many seconds.", valueName: "s"))
    var seconds: Double?

    @Option(name: .long, help: ArgumentHelp("ALU iterations per pixel of the compute pass.", valueName: "n"))
    var gpuIterations: UInt32 = 100

    @Option(name: .long, help: ArgumentHelp("CPU busy time per frame, in milliseconds.", valueName: "x"))
    var cpuMs: Double = 0

    @Option(name: .long, help: ArgumentHelp(
        "Render into the recommended size times this factor (0.1 to the runtime's maximum).", valueName: "s"))
    var scale: Double = 1

    @Option(name: .long, help: "Test pattern: gradient, checkerboard or bar (a moving vertical bar).")
    var pattern: TestPattern = .gradient

    @Option(name: .long, help: ArgumentHelp("Load schedule file (format above).", valueName: "file"))
    var schedule: String?

    @Option(name: .long, help: ArgumentHelp(
        "vulkan2 (XR_KHR_vulkan_enable2) or vulkan (XR_KHR_vulkan_enable).", valueName: "api"))
    var graphics: GraphicsExtension = .vulkan2

    func validate() throws {
        if let frames, frames == 0 { throw ValidationError("--frames must be at least 1") }
        if let seconds, !(seconds > 0 && seconds.isFinite) { throw ValidationError("--seconds must be > 0") }
        if !(cpuMs >= 0 && cpuMs <= 10_000) { throw ValidationError("--cpu-ms must be 0...10000") }
        if !(scale >= 0.1 && scale <= 16) { throw ValidationError("--scale must be 0.1...16") }
    }

    func run() throws {
        let loadSchedule = try readSchedule()
        InterruptFlag.install()
        do {
            let summary = try runSession(schedule: loadSchedule)
            print(summary.line)
        } catch {
            FileHandle.standardError.write(Data("xrperf-loadgen: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func readSchedule() throws -> LoadSchedule {
        guard let schedule else { return LoadSchedule() }
        do {
            return try LoadSchedule(parsing: String(contentsOfFile: schedule, encoding: .utf8))
        } catch let error as LoadSchedule.ParseError {
            FileHandle.standardError.write(Data("xrperf-loadgen: \(schedule):\(error.line): \(error.message)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("xrperf-loadgen: cannot read schedule '\(schedule)': \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func runSession(schedule: LoadSchedule) throws(LoadgenError) -> RunSummary {
        let connection = try XrConnection(applicationName: "xrperf-loadgen", graphics: graphics)
        defer { connection.destroy() }
        let vulkan = try VulkanDevice(connection: connection)
        defer { vulkan.destroy() }
        let options = LoadgenSession.Options(
            baseLoad: FrameLoad(gpuIterations: gpuIterations, cpuMilliseconds: cpuMs), schedule: schedule,
            pattern: pattern, scale: scale, frameLimit: frames, secondsLimit: seconds)
        let session = try LoadgenSession(connection: connection, vulkan: vulkan, options: options)
        FileHandle.standardError.write(Data(
            "xrperf-loadgen: runtime '\(connection.runtimeName)', GPU '\(vulkan.deviceName)', \(session.setupDescription)\n".utf8))
        defer { session.destroy() }
        try session.run()
        return session.summary
    }
}
