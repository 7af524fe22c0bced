/// `XRPERF_*` overrides: the last layer, for one run without editing a file.
public enum ProfileEnvironment {
    /// The overrides `environment` sets, and one warning per variable whose
    /// text is not acceptable (it is ignored, like an invalid profile).
    public static func layer(_ environment: [String: String]) -> (layer: ProfileSettingsLayer, warnings: [String]) {
        var layer = ProfileSettingsLayer()
        var warnings: [String] = []
        for key in ProfileKey.allCases {
            guard let text = environment[key.environmentVariable], !text.isEmpty else { continue }
            if let value = key.kind.accept(environment: text) {
                layer.set(key, value)
            } else {
                warnings.append(
                    "\(key.environmentVariable)='\(ProfileText.escaped(text, limit: 40))' ignored: expected \(key.kind.expectation)")
            }
        }
        return (layer, warnings)
    }
}
