/// The internal failures the layer can be told to fake (`XRPERF_FAULT`,
/// comma-separated names), so tests prove each failure path of the real
/// library: the feature goes off with one log line and the frames go on.
public enum FaultPoint: String, Sendable, CaseIterable {
    /// The app GPU timer cannot be set up.
    case gpuTimer = "gpu-timer"
    /// A GPU timestamp submission fails in the middle of the session.
    case gpuSubmit = "gpu-submit"
    /// The live telemetry file cannot be created.
    case telemetryFile = "telemetry-file"
    /// The recording file cannot be opened.
    case recordingFile = "recording-file"
    /// The profile file cannot be read.
    case profileRead = "profile-read"
    /// The upscaling pass cannot be built on the device.
    case upscalePass = "upscale-pass"
    /// The layer's images for a substituted swapchain cannot be made.
    case upscaleImages = "upscale-images"
    /// The upscaling pass fails inside a frame.
    case upscaleFrame = "upscale-frame"

    /// The faults named in `list`; unknown names are returned apart so the
    /// caller can say so.
    public static func parse(_ list: String) -> (faults: Set<FaultPoint>, unknown: [String]) {
        var faults: Set<FaultPoint> = []
        var unknown: [String] = []
        for name in list.split(separator: ",") {
            let trimmed = name.trimmingSpaces()
            guard !trimmed.isEmpty else { continue }
            if let fault = FaultPoint(rawValue: trimmed) { faults.insert(fault) } else { unknown.append(trimmed) }
        }
        return (faults, unknown)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
