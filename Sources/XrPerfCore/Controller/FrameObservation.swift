/// What the controller learns about one finished frame, possibly frames after
/// it ran (GPU timestamps are read back late). Plain numbers: the layer
/// translates OpenXR and Vulkan data into this at its edge.
public struct FrameObservation: Sendable, Equatable {
    public var frameIndex: Int
    /// Display period in ms.
    public var periodMs: Double
    /// App GPU time in ms; nil when the timestamps were not available.
    public var appGPUms: Double?
    /// App CPU time in ms; nil when unknown.
    public var appCPUms: Double?
    /// The settings the frame was rendered with.
    public var settings: QualitySettings
    /// The layer's own pass (ms), the newest measured when the frame ended;
    /// already part of `appGPUms`. nil without a pass.
    public var passGPUms: Double?

    public init(frameIndex: Int, periodMs: Double, appGPUms: Double?, appCPUms: Double?, settings: QualitySettings,
                passGPUms: Double? = nil) {
        self.frameIndex = frameIndex
        self.periodMs = periodMs
        self.appGPUms = appGPUms
        self.appCPUms = appCPUms
        self.settings = settings
        self.passGPUms = passGPUms
    }
}
