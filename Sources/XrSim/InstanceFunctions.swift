import COpenXR
import XrSimCore

func xrsimEnumerateApiLayerProperties(_ capacity: UInt32, _ countOutput: UnsafeMutablePointer<UInt32>?,
                                      _ properties: UnsafeMutablePointer<XrApiLayerProperties>?) -> XrResult {
    // A runtime has no API layers of its own; the loader lists the real ones.
    xrEntry { () throws(XrSimError) -> XrResult in
        try writeArray([XrApiLayerProperties](), capacity: capacity, countOutput: countOutput, buffer: properties)
    }
}

func xrsimEnumerateInstanceExtensionProperties(_ layerName: UnsafePointer<CChar>?, _ capacity: UInt32,
                                               _ countOutput: UnsafeMutablePointer<UInt32>?,
                                               _ properties: UnsafeMutablePointer<XrExtensionProperties>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        guard layerName == nil else { throw .apiLayerNotPresent }
        // Warnings are left to xrCreateInstance, which reads the same variables.
        let offered = InstanceExtension.offered(XrSimConfig.parse(xrsimEnvironment()).config)
        return try writeStructs(count: offered.count, capacity: capacity, countOutput: countOutput, buffer: properties,
                                isValid: { $0.type == XR_TYPE_EXTENSION_PROPERTIES }) { element, i in
            setFixedString(&element.extensionName, offered[i].rawValue)
            element.extensionVersion = offered[i].specVersion
        }
    }
}

func xrsimCreateInstance(_ createInfo: UnsafePointer<XrInstanceCreateInfo>?, _ instance: UnsafeMutablePointer<XrInstance?>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let info = try required(createInfo).pointee
        let out = try required(instance)
        try expectType(info.type, XR_TYPE_INSTANCE_CREATE_INFO)
        guard info.createFlags == 0 else { throw .validationFailure }
        guard let appName = fixedString(info.applicationInfo.applicationName) else { throw .validationFailure }
        guard !appName.isEmpty else { throw .nameInvalid }
        guard fixedString(info.applicationInfo.engineName) != nil else { throw .validationFailure }
        guard xrperf_version_major(info.applicationInfo.apiVersion) == 1 else { throw .apiVersionUnsupported }
        // The configuration decides which extensions are offered, and its
        // warnings explain a refused one, so it comes first.
        let (config, warnings) = XrSimConfig.parse(xrsimEnvironment())
        Log.setLevel(config.logLevel)
        for warning in warnings { Log.warn(warning) }
        if !config.errors.isEmpty {
            for error in config.errors { Log.error("\(error); instance not created") }
            throw .initializationFailed
        }
        // API layers were resolved by the loader; only extensions concern the runtime.
        let offered = InstanceExtension.offered(config)
        var extensions: Set<InstanceExtension> = []
        if info.enabledExtensionCount > 0 {
            let names = try required(info.enabledExtensionNames)
            for i in 0..<Int(info.enabledExtensionCount) {
                let name = try required(cString(names[i]))
                guard let ext = InstanceExtension(rawValue: name), offered.contains(ext) else {
                    Log.warn("xrCreateInstance: extension \(name) is not offered")
                    throw .extensionNotPresent
                }
                extensions.insert(ext)
            }
        }
        let id = locked { registry in
            let id = registry.allocator.allocate()
            registry.instances.insert(InstanceObject(config: config, extensions: extensions), as: id)
            return id
        }
        out.pointee = makeHandle(id)
        Log.info("instance created for \"\(appName)\" with [\(extensions.map(\.rawValue).sorted().joined(separator: ", "))], clock \(config.clock.rawValue), frame limit \(config.frameLimit)")
        return XR_SUCCESS
    }
}

func xrsimDestroyInstance(_ instance: XrInstance?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let teardowns = try locked { registry throws(XrSimError) in
            _ = try registry.instance(instance)
            return registry.removeInstance(handleID(instance))
        }
        for teardown in teardowns { teardown.finish() }
        Log.debug("instance destroyed")
        return XR_SUCCESS
    }
}

func xrsimGetInstanceProperties(_ instance: XrInstance?, _ properties: UnsafeMutablePointer<XrInstanceProperties>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let config = try locked { registry throws(XrSimError) in try registry.instance(instance).config }
        let props = try required(properties)
        try expectType(props.pointee.type, XR_TYPE_INSTANCE_PROPERTIES)
        props.pointee.runtimeVersion = xrperf_make_version(0, 1, 0)
        setFixedString(&props.pointee.runtimeName, config.runtimeName)
        return XR_SUCCESS
    }
}

func xrsimPollEvent(_ instance: XrInstance?, _ eventData: UnsafeMutablePointer<XrEventDataBuffer>?) -> XrResult {
    xrEntry { () throws(XrSimError) -> XrResult in
        let event = try locked { registry throws(XrSimError) -> RuntimeEvent? in
            let object = try registry.instance(instance)
            let buffer = try required(eventData)
            try expectType(buffer.pointee.type, XR_TYPE_EVENT_DATA_BUFFER)
            return object.events.pop()
        }
        guard let event, let buffer = eventData else { return XrResult(.eventUnavailable) }
        writeEvent(event, to: buffer)
        return XR_SUCCESS
    }
}
