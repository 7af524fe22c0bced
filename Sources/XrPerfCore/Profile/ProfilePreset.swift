/// Named bundles of values. Every preset sets the same keys, so choosing a
/// preset in a later layer fully replaces one chosen in an earlier layer.
/// `balanced` equals the built-in defaults.
public enum ProfilePreset: String, Sendable, CaseIterable, Codable {
    case powerSaver = "power-saver"
    case balanced
    case quality
    case developer

    /// The keys every preset sets. Not `controller.headroom`: platform rules
    /// reserve budget there (a streaming encoder), and a game's preset must
    /// not give that reservation away.
    public static let keys: [ProfileKey] = [
        .controllerEnabled, .controllerMinRenderScale, .controllerMaxRenderScale,
        .controllerFrameDivisorAllowed, .upscaleFilter, .upscaleSharpness, .foveationMode,
        .foveationPeripheralDensity, .telemetryRingSize,
    ]

    /// Why the bundle is what it is (docs/profile.md repeats it).
    public var summary: String {
        switch self {
        case .powerSaver:
            return "Battery and heat first: scale at most 0.9, half rate allowed, cheap filter, fixed foveation."
        case .balanced: return "The built-in defaults."
        case .quality:
            return "Sharpness first: scale from 0.7 up to 1.25 (supersampling when there is time), no foveation."
        case .developer:
            return "Measuring the app itself: controller off at scale 1, 8192-frame telemetry ring."
        }
    }

    public var values: [(key: ProfileKey, value: ProfileValue)] {
        func row(
            _ enabled: Bool, _ minScale: Double, _ maxScale: Double, _ divisor: Bool,
            _ filter: String, _ sharpness: Double, _ foveation: String, _ peripheral: Double, _ ring: Double
        ) -> [(key: ProfileKey, value: ProfileValue)] {
            let values: [ProfileValue] = [
                .bool(enabled), .number(minScale), .number(maxScale), .bool(divisor),
                .text(filter), .number(sharpness), .text(foveation), .number(peripheral), .number(ring),
            ]
            return Array(zip(Self.keys, values)).map { (key: $0.0, value: $0.1) }
        }
        switch self {
        case .powerSaver: return row(true, 0.5, 0.9, true, "bilinear", 0.2, "fixed", 0.4, 1024)
        case .balanced: return row(true, 0.5, 1, false, "edge", 0.3, "off", 0.5, 1024)
        case .quality: return row(true, 0.7, 1.25, false, "edge", 0.4, "off", 0.7, 1024)
        case .developer: return row(false, 0.5, 1, false, "edge", 0.3, "off", 0.5, 8192)
        }
    }
}
