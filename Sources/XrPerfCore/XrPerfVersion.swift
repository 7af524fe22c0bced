/// The one place that names xrperf's version and identity; the layer, the CLI
/// and the generated manifests all read it from here.
public enum XrPerfVersion {
    public static let major = 0
    public static let minor = 1
    public static let patch = 0
    public static var string: String { "\(major).\(minor).\(patch)" }
    /// The manifest's `implementation_version` is a single integer.
    public static let implementationVersion = 1
    public static let layerName = "XR_APILAYER_XRPERF_performance"
    /// The Vulkan layer in the same library that times the app's submissions.
    public static let vulkanLayerName = "VK_LAYER_XRPERF_frame_timing"
    public static let libraryName = "libXrApiLayer_xrperf.so"
}
