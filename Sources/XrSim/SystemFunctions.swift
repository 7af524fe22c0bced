import COpenXR
import XrSimCore

/// Composition layers accepted per frame (XrSystemGraphicsProperties::maxLayerCount).
let maxLayerCount: UInt32 = 16
/// Largest swapchain image side offered.
let maxSwapchainSide: UInt32 = 16384
/// Vendor id reported in XrSystemProperties ("XS").
let xrsimVendorID: UInt32 = 0x5853

extension Registry {
    /// The instance, after checking that `system` is the id xrGetSystem returned.
    func instance(_ handle: XrInstance?, system: XrSystemId) throws(XrSimError) -> InstanceObject {
        let object = try instance(handle)
        guard system == hmdSystemID else { throw .systemInvalid }
        return object
    }
}

func xrsimGetSystem(_ instance: XrInstance?, _ getInfo: UnsafePointer<XrSystemGetInfo>?,
                    _ systemId: UnsafeMutablePointer<XrSystemId>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.instance(instance) }
        let info = try required(getInfo).pointee
        let out = try required(systemId)
        try expectType(info.type, XR_TYPE_SYSTEM_GET_INFO)
        switch info.formFactor {
        case XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY:
            out.pointee = hmdSystemID
            return XR_SUCCESS
        case XR_FORM_FACTOR_HANDHELD_DISPLAY:
            throw .formFactorUnsupported
        default:
            throw .validationFailure
        }
    }
}

func xrsimGetSystemProperties(_ instance: XrInstance?, _ systemId: XrSystemId,
                              _ properties: UnsafeMutablePointer<XrSystemProperties>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let (config, extensions) = try locked { registry throws(XrSimError) in
            let object = try registry.instance(instance, system: systemId)
            return (object.config, object.extensions)
        }
        let props = try required(properties)
        try expectType(props.pointee.type, XR_TYPE_SYSTEM_PROPERTIES)
        props.pointee.systemId = systemId
        props.pointee.vendorId = xrsimVendorID
        setFixedString(&props.pointee.systemName, config.systemName)
        props.pointee.graphicsProperties = XrSystemGraphicsProperties(
            maxSwapchainImageHeight: maxSwapchainSide, maxSwapchainImageWidth: maxSwapchainSide, maxLayerCount: maxLayerCount)
        props.pointee.trackingProperties = XrSystemTrackingProperties(orientationTracking: XrBool32(XR_TRUE), positionTracking: XrBool32(XR_TRUE))
        if extensions.contains(.eyeGazeInteraction),
            let raw = findInOutputChain(props.pointee.next, XR_TYPE_SYSTEM_EYE_GAZE_INTERACTION_PROPERTIES_EXT) {
            // The simulated eye tracker is always there and calibrated.
            raw.assumingMemoryBound(to: XrSystemEyeGazeInteractionPropertiesEXT.self).pointee.supportsEyeGazeInteraction = XrBool32(XR_TRUE)
        }
        return XR_SUCCESS
    }
}

func xrsimEnumerateViewConfigurations(_ instance: XrInstance?, _ systemId: XrSystemId, _ capacity: UInt32,
                                      _ countOutput: UnsafeMutablePointer<UInt32>?,
                                      _ types: UnsafeMutablePointer<XrViewConfigurationType>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let offered = try locked { registry throws(XrSimError) in try registry.instance(instance, system: systemId).viewConfigurations }
        return try writeArray(offered.map(\.xrType), capacity: capacity, countOutput: countOutput, buffer: types)
    }
}

func xrsimGetViewConfigurationProperties(_ instance: XrInstance?, _ systemId: XrSystemId, _ type: XrViewConfigurationType,
                                         _ properties: UnsafeMutablePointer<XrViewConfigurationProperties>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let object = try locked { registry throws(XrSimError) in try registry.instance(instance, system: systemId) }
        let props = try required(properties)
        try expectType(props.pointee.type, XR_TYPE_VIEW_CONFIGURATION_PROPERTIES)
        _ = try object.viewConfiguration(type)
        props.pointee.viewConfigurationType = type
        props.pointee.fovMutable = XrBool32(XR_TRUE)
        return XR_SUCCESS
    }
}

func xrsimEnumerateViewConfigurationViews(_ instance: XrInstance?, _ systemId: XrSystemId, _ type: XrViewConfigurationType,
                                          _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
                                          _ views: UnsafeMutablePointer<XrViewConfigurationView>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let object = try locked { registry throws(XrSimError) in try registry.instance(instance, system: systemId) }
        let configuration = try object.viewConfiguration(type)
        return try writeStructs(count: configuration.viewCount, capacity: capacity, countOutput: countOutput, buffer: views,
                                isValid: { $0.type == XR_TYPE_VIEW_CONFIGURATION_VIEW }) { view, index in
            let size = configuration.recommendedSize(ofView: index, eyeSize: object.config.resolution)
            view.recommendedImageRectWidth = size.width
            view.recommendedImageRectHeight = size.height
            view.maxImageRectWidth = size.width * 2
            view.maxImageRectHeight = size.height * 2
            view.recommendedSwapchainSampleCount = 1
            view.maxSwapchainSampleCount = maxSampleCount
        }
    }
}

func xrsimEnumerateEnvironmentBlendModes(_ instance: XrInstance?, _ systemId: XrSystemId, _ type: XrViewConfigurationType,
                                         _ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
                                         _ modes: UnsafeMutablePointer<XrEnvironmentBlendMode>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let object = try locked { registry throws(XrSimError) in try registry.instance(instance, system: systemId) }
        _ = try object.viewConfiguration(type)
        return try writeArray([XR_ENVIRONMENT_BLEND_MODE_OPAQUE], capacity: capacity, countOutput: countOutput, buffer: modes)
    }
}

func xrsimConvertTimespecTimeToTimeKHR(_ instance: XrInstance?, _ timespecTime: UnsafePointer<timespec>?,
                                       _ time: UnsafeMutablePointer<XrTime>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.instance(instance) }
        let ts = try required(timespecTime).pointee
        let out = try required(time)
        let value = Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
        guard ts.tv_sec >= 0, ts.tv_nsec >= 0, ts.tv_nsec < 1_000_000_000, value > 0 else { throw .timeInvalid }
        out.pointee = value
        return XR_SUCCESS
    }
}

func xrsimConvertTimeToTimespecTimeKHR(_ instance: XrInstance?, _ time: XrTime,
                                       _ timespecTime: UnsafeMutablePointer<timespec>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        _ = try locked { registry throws(XrSimError) in try registry.instance(instance) }
        let out = try required(timespecTime)
        guard time > 0 else { throw .timeInvalid }
        out.pointee = timespec(tv_sec: Int(time / 1_000_000_000), tv_nsec: Int(time % 1_000_000_000))
        return XR_SUCCESS
    }
}
