/// The built-in platform table: what xrperf knows about runtimes, headsets
/// and GPUs before any profile says anything. Applied in this order after the
/// defaults; profile platform and app rules override it. docs/platforms.md
/// explains each entry at length. No entry turns the frame divisor on: halving
/// the rate is the user's choice on every platform (profile or environment).
public enum PlatformTable {
    public static let entries: [PlatformTableEntry] = [
        entry(
            "software-vulkan", [.init(.gpuVendor, "software")],
            "lavapipe/llvmpipe render on the CPU: the upscale and sharpen passes cost as much as the app, so the cheapest pass and a lower floor.",
            [
                .init(.upscaleFilter, .text("bilinear")), .init(.upscaleSharpness, .number(0)),
                .init(.foveationMode, .text("off")), .init(.controllerMinRenderScale, .number(0.25)),
            ]),
        entry(
            "wivrn", [.init(.runtime, "*wivrn*")],
            "WiVRn encodes every frame on the GPU before streaming it: keep room for the encoder in the budget.",
            [.init(.controllerHeadroom, .number(0.12))]),
        entry(
            "alvr", [.init(.runtime, "*alvr*")],
            "ALVR encodes on the GPU and adds its own compositor pass: keep more room than a wired headset needs.",
            [.init(.controllerHeadroom, .number(0.15))]),
        entry(
            "steamvr", [.init(.runtime, "*steamvr*")],
            "SteamVR motion smoothing halves the rate by itself when frames are late: a second divisor would quarter it.",
            [.init(.controllerFrameDivisorAllowed, .bool(false)), .init(.controllerHeadroom, .number(0.03))]),
        entry(
            "meta", [.init(.runtime, "*oculus*")],
            "Meta's runtime synthesizes frames (ASW) on its own schedule: the frame divisor would fight it.",
            [.init(.controllerFrameDivisorAllowed, .bool(false))]),
        entry(
            "intel-gpu", [.init(.gpuVendor, "intel")],
            "Integrated GPUs share memory bandwidth with the CPU: supersampling never pays, the edge filter costs relatively more.",
            [.init(.controllerMaxRenderScale, .number(1)), .init(.upscaleFilter, .text("bilinear"))]),
        entry(
            "other-gpu", [.init(.gpuVendor, "other")],
            "Unknown vendors' timestamp precision is untested: keep more headroom than on the tested desktop GPUs.",
            [.init(.controllerHeadroom, .number(0.05))]),
    ]

    private static func entry(
        _ id: String, _ conditions: [ProfileMatch.Condition], _ why: String, _ settings: [ProfileSettingsLayer.Entry]
    ) -> PlatformTableEntry {
        PlatformTableEntry(
            id: id, why: why,
            rule: ProfileRule(name: id, match: ProfileMatch(conditions), settings: ProfileSettingsLayer(settings)))
    }
}
