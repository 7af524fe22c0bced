/// GPU vendors as profiles name them, from the Vulkan vendorID.
public enum GPUVendor: String, Sendable, CaseIterable, Codable {
    case nvidia, amd, intel, software, other

    /// PCI vendor ids, and Khronos-registered ids for vendors without one
    /// (VK_VENDOR_ID_MESA 0x10005 is Mesa's CPU drivers, lavapipe and llvmpipe).
    public init(vulkanVendorID: UInt32) {
        switch vulkanVendorID {
        case 0x10DE: self = .nvidia
        case 0x1002: self = .amd
        case 0x8086: self = .intel
        case 0x10005: self = .software
        default: self = .other
        }
    }
}
