import Foundation
import Testing

/// 50 instances, each with a session that runs frames, created and destroyed
/// in one C process with the layer enabled.
@Suite(.serialized) struct InstanceChurnTests {
    @Test func fiftyInstancesComeAndGo() throws {
        let artifacts = Artifacts()
        let host = artifacts.host("instance_churn")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        let env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf])
        defer { env.cleanUp() }

        let result = try runProcess(host.path, ["50", "3"], environment: env.environment, timeout: 300)
        let context = Comment(rawValue: result.combined.suffix(4000).description)
        #expect(result.status == 0, context)
        #expect(result.stdout.contains("instance_churn: 50 instances, 150 frames"), context)
        // The layer really sat in each instance's chain and saw every frame.
        let created = result.stderr.components(separatedBy: "[xrperf] instance created").count - 1
        let destroyed = result.stderr.components(separatedBy: "[xrperf] instance destroyed").count - 1
        #expect(created == 50 && destroyed == 50, context)
        #expect(SessionSummaries.layerFrames(result.stderr) == Array(repeating: 3, count: 50), context)
        #expect(SessionSummaries.runtimeFrames(result.stderr) == Array(repeating: 3, count: 50), context)
    }

    /// memcheck over the whole process; leaks and memory errors whose stack
    /// passes through the layer or XrSim count. The Debian loader leaks one
    /// block per instance of its own and glibc's dynamic linker trips memcheck's
    /// strncmp check; neither is this project's. `--keep-debuginfo` keeps the
    /// stacks readable even if a loader unloads a library before exit.
    @Test func layerLeaksNothingUnderValgrind() throws {
        let artifacts = Artifacts()
        let host = artifacts.host("instance_churn")
        try artifacts.require(host, artifacts.layerLibrary, artifacts.runtimeManifest)
        try artifacts.require(paths: "/usr/bin/valgrind")
        let env = try XrEnvironment(artifacts: artifacts, layers: [XrEnvironment.xrperf])
        defer { env.cleanUp() }
        let log = env.scratch.appendingPathComponent("memcheck.txt")

        let result = try runProcess(
            "/usr/bin/valgrind",
            ["--tool=memcheck", "--keep-debuginfo=yes", "--leak-check=full", "--show-leak-kinds=definite,indirect",
             "--errors-for-leak-kinds=definite", "--num-callers=40", "--log-file=\(log.path)",
             host.path, "50", "2"],
            environment: env.environment, timeout: 1200)
        let report = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(result.status == 0, Comment(rawValue: String(result.combined.suffix(3000)) + String(report.suffix(3000))))
        #expect(result.stdout.contains("instance_churn: 50 instances, 100 frames"))
        #expect(report.contains("LEAK SUMMARY") || report.contains("All heap blocks were freed"),
                Comment(rawValue: "memcheck wrote no leak summary:\n\(report.suffix(2000))"))
        let parsed = LeakReport(report)
        // A frame is ours when it is in one of our libraries, or (with debug
        // info, where valgrind prints the source file instead) one of our
        // modules' mangled symbols.
        let markers = ["libXrApiLayer_xrperf.so", "libXrSim.so", "XrPerfLayer", "XrPerfCore", "XrSim"]
        let ours = { (record: String) in markers.contains { record.contains($0) } }
        let ourLeaks = parsed.blocks.filter(ours)
        #expect(ourLeaks.isEmpty, Comment(rawValue: ourLeaks.joined(separator: "\n\n")))
        let ourErrors = parsed.errors.filter(ours)
        #expect(ourErrors.isEmpty, Comment(rawValue: ourErrors.joined(separator: "\n\n")))
    }
}

/// The loss records and error records of a memcheck log, each as one string
/// holding its stack.
struct LeakReport {
    var blocks: [String] = []
    var errors: [String] = []

    init(_ log: String) {
        var current: [String] = []
        var isLeak = false
        func flush() {
            if !current.isEmpty {
                let text = current.joined(separator: "\n")
                if isLeak { blocks.append(text) } else { errors.append(text) }
            }
            current = []
        }
        for rawLine in log.split(separator: "\n", omittingEmptySubsequences: false) {
            // Lines look like "==1234== text"; strip the pid marker.
            let line = rawLine.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            if line.isEmpty { flush(); continue }
            if current.isEmpty {
                let startsRecord = line.contains("are definitely lost") || line.contains("are indirectly lost")
                let startsError = line.hasPrefix("Invalid ") || line.hasPrefix("Conditional jump")
                    || line.hasPrefix("Use of uninitialised") || line.hasPrefix("Mismatched free")
                guard startsRecord || startsError else { continue }
                isLeak = startsRecord
            }
            current.append(line)
        }
        flush()
    }
}
