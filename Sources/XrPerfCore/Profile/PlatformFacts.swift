/// What is known about the platform an instance runs on, as rules match it.
/// Empty text (or a nil vendor) is "not known": only a `*` pattern matches it.
public struct PlatformFacts: Sendable, Equatable, Codable {
    public var application: String
    public var engine: String
    public var runtime: String
    public var system: String
    public var gpuVendor: GPUVendor?
    public var gpuName: String
    public var driver: String
    public var os: String

    public init(
        application: String = "", engine: String = "", runtime: String = "", system: String = "",
        gpuVendor: GPUVendor? = nil, gpuName: String = "", driver: String = "", os: String = "linux"
    ) {
        self.application = application
        self.engine = engine
        self.runtime = runtime
        self.system = system
        self.gpuVendor = gpuVendor
        self.gpuName = gpuName
        self.driver = driver
        self.os = os
    }

    public func value(of key: ProfileMatchKey) -> String {
        switch key {
        case .application: return application
        case .engine: return engine
        case .runtime: return runtime
        case .system: return system
        case .gpuVendor: return gpuVendor?.rawValue ?? ""
        case .gpuName: return gpuName
        case .driver: return driver
        case .os: return os
        }
    }
}
