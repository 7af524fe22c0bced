/// What a rule's `match` object may test.
public enum ProfileMatchKey: String, Sendable, CaseIterable, Codable {
    /// XrApplicationInfo.applicationName
    case application
    /// XrApplicationInfo.engineName
    case engine
    /// XrInstanceProperties.runtimeName
    case runtime
    /// XrSystemProperties.systemName (the headset)
    case system
    /// From VkPhysicalDeviceProperties.vendorID (`GPUVendor`); exact, not a glob.
    case gpuVendor
    /// VkPhysicalDeviceProperties.deviceName
    case gpuName
    /// VkPhysicalDeviceDriverProperties.driverName
    case driver
    /// The kernel's name for the OS, lower case ("linux").
    case os
}
