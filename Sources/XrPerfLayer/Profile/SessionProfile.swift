import Glibc
import XrPerfCore

/// The settings one session runs with: the profile file the search order
/// finds, the built-in platform table and XRPERF_* variables, resolved for
/// this app on this runtime, headset and GPU. An invalid profile is reported
/// (every problem, with file, line and key path) and the built-in settings are
/// used, so a typo never takes the app down.
struct SessionProfile {
    let settings: ProfileSettings
    /// What the telemetry header shows as the active profile.
    let summary: String

    /// `quiet`: says nothing (the render scale is looked up before the
    /// session exists; the session's own resolution reports problems once).
    static func resolve(facts: PlatformFacts, quiet: Bool = false) -> SessionProfile {
        resolve(facts: facts, keepRunningOnError: false, quiet: quiet)
            ?? SessionProfile(settings: ResolvedProfile().typed, summary: "")
    }

    /// A changed profile for a running session: nil when it is invalid, so the
    /// session keeps the settings it runs with.
    static func reload(facts: PlatformFacts) -> SessionProfile? {
        resolve(facts: facts, keepRunningOnError: true, quiet: false)
    }

    private static func resolve(facts: PlatformFacts, keepRunningOnError: Bool, quiet: Bool) -> SessionProfile? {
        func logWarn(_ message: @autoclosure () -> String) { if !quiet { XrPerfLayer.logWarn(message()) } }
        func logInfo(_ message: @autoclosure () -> String) { if !quiet { XrPerfLayer.logInfo(message()) } }
        let fallback = keepRunningOnError ? "keeping the running settings" : "using the built-in settings"
        let environment = processEnvironment()
        let location = ProfileSearch.locate(environment: environment) { access($0, F_OK) == 0 }
        var document: ProfileDocument?
        var source = "built-in defaults"
        if let location {
            switch ProfileFileReader.read(location.path) {
            case .failure(let problem):
                logWarn("profile \(problem); \(fallback)")
                if keepRunningOnError { return nil }
            case .success(let bytes):
                let loaded = ProfileValidator.load(bytes, file: location.path)
                if let valid = loaded.document {
                    document = valid
                    source = location.path
                } else {
                    for problem in loaded.problems { logWarn("profile \(problem)") }
                    logWarn("profile \(location.path) has \(loaded.problems.count) problem(s); \(fallback)")
                    if keepRunningOnError { return nil }
                }
            }
        }
        let resolved = ProfileResolver.resolve(document: document, facts: facts, environment: environment)
        for warning in resolved.warnings { logWarn("profile: \(warning)") }
        let rules = resolved.applied.isEmpty ? "no rule matched" : resolved.applied.joined(separator: ", ")
        logInfo("profile: \(source); matched: \(rules) (app '\(facts.application)', runtime '\(facts.runtime)', "
                + "system '\(facts.system)', GPU '\(facts.gpuName)' \(facts.gpuVendor?.rawValue ?? "unknown"))")
        return SessionProfile(settings: resolved.typed, summary: "\(source) [\(rules)]")
    }
}
