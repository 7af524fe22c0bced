import Foundation
import Testing

/// `xrperf profile` as a user meets it: init writes a profile that validates,
/// refuses to overwrite it, and validate lists every problem (text and JSON)
/// with exit status 1.
@Suite struct CliProfileTests {
    @Test func initValidateAndEveryProblemReported() throws {
        let artifacts = Artifacts()
        try artifacts.require(artifacts.cli)
        let env = try XrEnvironment(artifacts: artifacts)
        defer { env.cleanUp() }
        let cli = artifacts.cli.path
        let starter = env.scratch.appendingPathComponent("profile.json").path

        let created = try runProcess(cli, ["profile", "init", starter], environment: env.environment)
        #expect(created.status == 0, Comment(rawValue: created.combined))
        let again = try runProcess(cli, ["profile", "init", starter], environment: env.environment)
        #expect(again.status != 0, Comment(rawValue: again.combined))
        let valid = try runProcess(cli, ["profile", "validate", starter], environment: env.environment)
        #expect(valid.status == 0 && valid.stdout.contains("valid"), Comment(rawValue: valid.combined))

        let broken = env.scratch.appendingPathComponent("broken.json")
        try """
            {"version": 1,
             "apps": [{"match": {"application": "x"}, "settings": {"upscale": {"renderScale": 2.5}}}],
             "bogus": true}
            """.write(to: broken, atomically: true, encoding: .utf8)
        let text = try runProcess(cli, ["profile", "validate", broken.path], environment: env.environment)
        #expect(text.status == 1)
        #expect(text.stdout.contains("broken.json:2:"), Comment(rawValue: text.stdout))
        #expect(text.stdout.contains("apps[0].settings.upscale.renderScale: expected a number from 0.25 to 2, found 2.5"))
        #expect(text.stdout.contains("broken.json:3:"), Comment(rawValue: text.stdout))
        #expect(text.stdout.contains("2 problems"))

        let json = try runProcess(cli, ["profile", "validate", "--json", broken.path], environment: env.environment)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        let problems = try #require(object["problems"] as? [[String: Any]])
        #expect(problems.compactMap { $0["path"] as? String } == ["apps[0].settings.upscale.renderScale", "bogus"])
        #expect(problems.first?["line"] as? Int == 2)
    }
}
