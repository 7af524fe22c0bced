/// Applies the layers in precedence order, later wins:
/// built-in defaults < profile `defaults` < built-in platform table <
/// profile `platforms` (file order) < profile `apps` (file order) <
/// `XRPERF_*` environment.
public enum ProfileResolver {
    public static func resolve(
        document: ProfileDocument?, facts: PlatformFacts, environment: [String: String],
        table: [PlatformTableEntry] = PlatformTable.entries
    ) -> ResolvedProfile {
        var resolved = ResolvedProfile()
        if let document { resolved.apply(document.defaults, from: .profileDefaults) }
        for entry in table where entry.rule.match.matches(facts) {
            resolved.apply(entry.rule.settings, from: .platformTable(entry.id))
        }
        if let document {
            for (index, rule) in document.platforms.enumerated() where rule.match.matches(facts) {
                resolved.apply(rule.settings, from: .profilePlatform(index))
            }
            for (index, rule) in document.apps.enumerated() where rule.match.matches(facts) {
                resolved.apply(rule.settings, from: .profileApp(index))
            }
        }
        let overrides = ProfileEnvironment.layer(environment)
        resolved.warnings += overrides.warnings
        for entry in overrides.layer.entries {
            resolved.apply(ProfileSettingsLayer([entry]), from: .environment(entry.key.environmentVariable))
        }
        let low = resolved[.controllerMinRenderScale]
        let high = resolved[.controllerMaxRenderScale]
        if let lowValue = low.value.numberValue, let highValue = high.value.numberValue, lowValue > highValue {
            resolved.warnings.append(
                "controller.minRenderScale \(ProfileText.number(lowValue)) (\(low.source.description)) is above "
                    + "controller.maxRenderScale \(ProfileText.number(highValue)) (\(high.source.description)); using \(ProfileText.number(highValue)) for both")
            resolved.set(.controllerMinRenderScale, high.value, from: low.source)
        }
        return resolved
    }
}
