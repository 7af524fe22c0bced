import Foundation
import Testing

/// `xrperf tune` against a private $XDG_STATE_HOME: nothing learned, a table
/// and JSON of a learned file, reset of one app and of all, a corrupt file
/// reported and replaced, and files that are not ours left alone.
@Suite struct CliTuneTests {
    static let learned = """
        {
          "version": 1,
          "entries": [
            {"application":"hello_xr","platform":"Monado / XrSim HMD / llvmpipe","renderScale":0.85,"frameDivisor":1,"sessions":3,"frames":5400,"weight":3150,"updatedRealtimeNs":1767225600000000000},
            {"application":"hello_xr","platform":"WiVRn / Quest 3 / AMD Radeon RX 7900 XTX","renderScale":1.2,"frameDivisor":1,"sessions":1,"frames":900,"weight":900,"updatedRealtimeNs":1767225660000000000},
            {"application":"loadgen","platform":"Monado / XrSim HMD / llvmpipe","renderScale":0.5,"frameDivisor":2,"sessions":2,"frames":1000,"weight":750,"updatedRealtimeNs":1767225700000000000}
          ]
        }

        """

    struct Setup {
        let cli: String
        let env: XrEnvironment
        let state: URL
        var file: URL { state.appendingPathComponent("xrperf/learned.json") }

        init() throws {
            let artifacts = Artifacts()
            try artifacts.require(artifacts.cli)
            cli = artifacts.cli.path
            var env = try XrEnvironment(artifacts: artifacts)
            state = env.scratch.appendingPathComponent("state")
            env.variables["XDG_STATE_HOME"] = state.path
            self.env = env
        }

        func run(_ arguments: String...) throws -> ProcessOutput {
            try runProcess(cli, arguments, environment: env.environment)
        }

        func write(_ text: String) throws {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try Data(text.utf8).write(to: file)
        }

        func mode(_ url: URL) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
        }
    }

    @Test func nothingLearnedYetIsNotAnError() throws {
        let setup = try Setup()
        defer { setup.env.cleanUp() }
        let show = try setup.run("tune", "show")
        #expect(show.status == 0, Comment(rawValue: show.combined))
        #expect(show.stdout.contains("nothing learned yet: \(setup.file.path) does not exist"), Comment(rawValue: show.stdout))
        let json = try setup.run("tune", "show", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(json.status == 0 && object["exists"] as? Bool == false && (object["entries"] as? [Any])?.isEmpty == true)
        let reset = try setup.run("tune", "reset", "--all")
        #expect(reset.status == 0 && reset.stdout.contains("nothing learned yet"), Comment(rawValue: reset.combined))
        #expect(!FileManager.default.fileExists(atPath: setup.file.path))
    }

    @Test func showTableJSONAndResetOneAppThenAll() throws {
        let setup = try Setup()
        defer { setup.env.cleanUp() }
        try setup.write(Self.learned)

        let show = try setup.run("tune", "show")
        #expect(show.status == 0, Comment(rawValue: show.combined))
        let lines = show.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "learned settings: \(setup.file.path)")
        #expect(lines.count == 5, Comment(rawValue: show.stdout))
        #expect(lines[1].hasPrefix("app ") && lines[1].contains("render scale") && lines[1].contains("last updated (UTC)"))
        let row = lines[2].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(row == "hello_xr Monado / XrSim HMD / llvmpipe 0.850 1 3 5400 2026-01-01 00:00:00", Comment(rawValue: row))
        #expect(lines[4].hasPrefix("loadgen "))

        let json = try setup.run("tune", "show", "--app", "hello_xr", "--json")
        #expect(json.status == 0, Comment(rawValue: json.combined))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.compactMap { $0["platform"] as? String }
                == ["Monado / XrSim HMD / llvmpipe", "WiVRn / Quest 3 / AMD Radeon RX 7900 XTX"])
        #expect(entries.first?["renderScale"] as? Double == 0.85)
        #expect(entries.first?["updatedRealtimeNs"] as? Int64 == 1_767_225_600_000_000_000)
        #expect(entries.first?["updated"] as? String == "2026-01-01 00:00:00")
        let nobody = try setup.run("tune", "show", "--app", "nobody")
        #expect(nobody.status == 0 && nobody.stdout.contains("nothing learned yet for nobody"), Comment(rawValue: nobody.combined))

        let reset = try setup.run("tune", "reset", "--app", "hello_xr")
        #expect(reset.status == 0 && reset.stdout.contains("removed 2 entries of hello_xr"), Comment(rawValue: reset.combined))
        let after = try setup.run("tune", "show", "--json")
        let remaining = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect((remaining["entries"] as? [[String: Any]])?.compactMap { $0["application"] as? String } == ["loadgen"])
        #expect(try setup.mode(setup.file) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.file.deletingLastPathComponent().path)
        #expect(leftovers == ["learned.json"], "temporary files left: \(leftovers)")

        let again = try setup.run("tune", "reset", "--app", "hello_xr")
        #expect(again.status == 0 && again.stdout.contains("nothing learned for hello_xr"), Comment(rawValue: again.combined))
        let all = try setup.run("tune", "reset", "--all")
        #expect(all.status == 0 && all.stdout.contains("removed all 1 entry"), Comment(rawValue: all.combined))
        let empty = try setup.run("tune", "show")
        #expect(empty.status == 0 && empty.stdout.contains("nothing learned yet (\(setup.file.path))"), Comment(rawValue: empty.combined))
    }

    @Test func corruptFileIsReportedAndReplacedByResetAll() throws {
        let setup = try Setup()
        defer { setup.env.cleanUp() }
        for (text, expected) in [
            (String(Self.learned.prefix(120)), "truncated"),
            (Self.learned.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 9"), "version 9 is not one this xrperf reads"),
            (Self.learned.replacingOccurrences(of: "\"renderScale\":0.5", with: "\"renderScale\":5"),
             "entries[2].renderScale: expected a number from 0.1 to 2, found 5"),
            ("\u{7F}ELF\u{2}\u{1}\u{1}\0\0\0", "not JSON"),
        ] {
            try setup.write(text)
            let show = try setup.run("tune", "show")
            #expect(show.status == 1, Comment(rawValue: show.combined))
            #expect(show.stderr.contains(setup.file.path) && show.stderr.contains(expected), Comment(rawValue: show.stderr))
            let json = try setup.run("tune", "show", "--json")
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect(json.status == 1 && (object?["problem"] as? String)?.contains(expected) == true, Comment(rawValue: json.combined))
            let one = try setup.run("tune", "reset", "--app", "loadgen")
            #expect(one.status == 1 && one.stderr.contains("reset --all"), Comment(rawValue: one.combined))
            #expect(try String(contentsOf: setup.file, encoding: .isoLatin1) == text, "reset --app must not touch a corrupt file")
        }
        let all = try setup.run("tune", "reset", "--all")
        #expect(all.status == 0 && all.stdout.contains("replaced the corrupt file \(setup.file.path)"), Comment(rawValue: all.combined))
        #expect(try String(contentsOf: setup.file, encoding: .utf8) == "{\n  \"version\": 1,\n  \"entries\": []\n}\n")
        #expect(try setup.mode(setup.file) == 0o600)
        let show = try setup.run("tune", "show")
        #expect(show.status == 0, Comment(rawValue: show.combined))

        try setup.write(String(repeating: " ", count: (1 << 20) + 1))
        let huge = try setup.run("tune", "show")
        #expect(huge.status == 1 && huge.stderr.contains("at most 1048576 bytes"), Comment(rawValue: huge.combined))
    }

    @Test func symlinksAndForeignFilesAreRefused() throws {
        let setup = try Setup()
        defer { setup.env.cleanUp() }
        let target = setup.env.scratch.appendingPathComponent("elsewhere.json")
        try Data(Self.learned.utf8).write(to: target)
        try FileManager.default.createDirectory(at: setup.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: setup.file, withDestinationURL: target)
        for arguments in [["tune", "show"], ["tune", "reset", "--all"], ["tune", "reset", "--app", "loadgen"]] {
            let result = try runProcess(setup.cli, arguments, environment: setup.env.environment)
            #expect(result.status == 1 && result.stderr.contains("is a symbolic link"), Comment(rawValue: result.combined))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: setup.file.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == Self.learned)

        // Only root can give a file away; elsewhere the ownership check is not reachable.
        guard getuid() == 0 else { return }
        try FileManager.default.removeItem(at: setup.file)
        try setup.write(Self.learned)
        #expect(chown(setup.file.path, 65534, 65534) == 0)
        let foreign = try setup.run("tune", "reset", "--all")
        #expect(foreign.status == 1 && foreign.stderr.contains("belongs to user 65534"), Comment(rawValue: foreign.combined))
        #expect(try String(contentsOf: setup.file, encoding: .utf8) == Self.learned)
    }

    @Test func usageErrorsAndHelp() throws {
        let setup = try Setup()
        defer { setup.env.cleanUp() }
        let neither = try setup.run("tune", "reset")
        #expect(neither.status == 64 && neither.stderr.contains("--app NAME or --all"), Comment(rawValue: neither.combined))
        let both = try setup.run("tune", "reset", "--all", "--app", "x")
        #expect(both.status == 64, Comment(rawValue: both.combined))
        let help = try setup.run("tune", "--help")
        #expect(help.status == 0 && help.stdout.contains("XDG_STATE_HOME") && help.stdout.contains("show")
                && help.stdout.contains("reset"), Comment(rawValue: help.stdout))
        let root = try setup.run("--help")
        #expect(root.stdout.contains("tune"), Comment(rawValue: root.stdout))
    }
}
